import path from "node:path";
import type { Role } from "@/lib/auth/roles";

/**
 * The seeded demo users of acme-bank (infra/local/seed), one per role. The launcher prints the same
 * list and writes it to demo.json; the password follows DEMO_PASSWORD when the launcher was given one.
 */
export const DEMO_TENANT = { tenantId: "acme-bank", name: "Acme Bank" } as const;
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? "demo1234";

export interface DemoUser {
  role: Role;
  email: string;
  roleLabel: string;
}

export const DEMO_USERS: Record<Role, DemoUser> = {
  analyst: { role: "analyst", email: "analyst@acme-bank.test", roleLabel: "Analyst" },
  ml_engineer: { role: "ml_engineer", email: "mlops@acme-bank.test", roleLabel: "ML engineer" },
  admin: { role: "admin", email: "admin@acme-bank.test", roleLabel: "Admin" },
};

/** What each role's menu must show, in order. */
export const EXPECTED_NAV: Record<Role, string[]> = {
  analyst: ["Review queue", "Explanations", "Dashboards"],
  ml_engineer: ["Review queue", "Explanations", "Dashboards", "Drift", "Models", "Endpoints", "Rollbacks"],
  admin: ["Review queue", "Explanations", "Dashboards", "Drift", "Models", "Endpoints", "Rollbacks", "Settings", "Audit log"],
};

/** Signed-in browser state per role, written by auth.setup.ts (git-ignored). */
export function storageStatePath(role: Role): string {
  return path.join(".test-data", "e2e-auth", `${role}.json`);
}
