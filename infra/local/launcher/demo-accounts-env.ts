import { DEFAULT_DEMO_PASSWORD, type DemoAccount } from "@/lib/auth/demo-accounts";
import type { DemoUser } from "../seed/seed-demo";
import { DEMO_TENANTS } from "../seed/demo-tenants";

/**
 * DEMO_ACCOUNTS for the console, so its sign-in page offers the seeded accounts. Only when the demo
 * runs on the well-known default password and with the credentials provider: a chosen
 * DEMO_PASSWORD is somebody's secret, and with OIDC there are no seeded passwords at all. An empty
 * value also overrides a DEMO_ACCOUNTS inherited from the caller's environment.
 */
export function demoAccountsEnv(opts: { password: string; users: readonly DemoUser[]; authProvider: string | undefined }): {
  DEMO_ACCOUNTS: string;
} {
  const isOffered = opts.password === DEFAULT_DEMO_PASSWORD && (opts.authProvider ?? "credentials") === "credentials";
  if (!isOffered || opts.users.length === 0) return { DEMO_ACCOUNTS: "" };
  const accounts: DemoAccount[] = opts.users.map((user) => ({
    email: user.email,
    role: user.role,
    tenant: DEMO_TENANTS.find((t) => t.tenantId === user.tenantId)?.name ?? user.tenantId,
  }));
  return { DEMO_ACCOUNTS: JSON.stringify(accounts) };
}
