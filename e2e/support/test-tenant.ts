import { readFileSync } from "node:fs";
import path from "node:path";
import { applyLocalStackEnv, type StackUrls } from "@/infra/local/stack-env";
import type { Role } from "@/lib/auth/roles";
import { createTenant } from "@/lib/tenants/create-tenant";
import { createUser } from "@/lib/users/create-user";

export const TEST_PASSWORD = "e2e-password-1";

export interface TestTenant {
  tenantId: string;
  users: Record<Role, { email: string }>;
}

/**
 * A tenant of its own with one user per role, written straight into the e2e stack's DynamoDB (the
 * launcher records the stack's endpoints in demo.json): tests that disable users, lock accounts or
 * sign out for good must never touch the demo's users.
 */
export async function createTestTenant(label: string): Promise<TestTenant> {
  const demo = JSON.parse(readFileSync(path.join(".test-data", "e2e", "demo.json"), "utf8")) as { stack: StackUrls };
  applyLocalStackEnv(demo.stack);
  const tenantId = `e2e-${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  await createTenant({
    tenantId,
    name: `E2E ${label}`,
    endpointName: "fraud-acme-bank",
    modelPackageGroupName: "acme-bank-fraud",
    createdAt: new Date().toISOString(),
  });
  const users = {} as TestTenant["users"];
  for (const role of ["analyst", "ml_engineer", "admin"] as const) {
    const email = `${role.replace("_", "-")}@${tenantId}.test`;
    await createUser({ tenantId, email, name: `E2E ${role}`, role, password: TEST_PASSWORD });
    users[role] = { email };
  }
  return { tenantId, users };
}
