import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { TestTenantOptions, TestTenantRecord } from "@/test/support/test-tenant";
import { DEMO_PASSWORD } from "./demo-users";

/** The e2e stack's demo.json, written by the launcher that playwright.config.ts starts. */
export const DEMO_FILE = process.env.E2E_DEMO_FILE ?? ".test-data/e2e/demo.json";

/**
 * A tenant of the test's own in the e2e stack, with users of each role (password DEMO_PASSWORD), an
 * API key and its own endpoint that answers from one known variant (test/support/test-tenant.ts).
 * Tests that change state (verdicts, claims, settings, keys) work there, never on the demo's tenants.
 */
export async function createTestTenant(options: Omit<TestTenantOptions, "password">): Promise<TestTenantRecord> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "e2e/support/create-test-tenant.ts",
      DEMO_FILE,
      JSON.stringify({ ...options, password: DEMO_PASSWORD }),
    ],
    { env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" } },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as TestTenantRecord;
}

export function userOf(tenant: TestTenantRecord, role: TestTenantRecord["users"][number]["role"]) {
  const user = tenant.users.find((u) => u.role === role);
  if (!user) throw new Error(`${tenant.tenantId} has no ${role}`);
  return user;
}
