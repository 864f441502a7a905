import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { demoAccountsEnv } from "./demo-accounts-env";

const users = [
  { email: "analyst@acme-bank.test", password: "demo1234", role: "analyst" as const, tenantId: "acme-bank" },
  { email: "admin@globex-pay.test", password: "demo1234", role: "admin" as const, tenantId: "globex-pay" },
];

describe("demoAccountsEnv", () => {
  it("lists the seeded accounts with their tenant's name when the demo uses the default password", () => {
    const env = demoAccountsEnv({ password: "demo1234", users, authProvider: undefined });
    expect(parseEnv(env).DEMO_ACCOUNTS).toEqual([
      { email: "analyst@acme-bank.test", role: "analyst", tenant: "Acme Bank" },
      { email: "admin@globex-pay.test", role: "admin", tenant: "Globex Pay" },
    ]);
    expect(env.DEMO_ACCOUNTS).not.toContain("demo1234");
  });

  it("offers nothing for a custom DEMO_PASSWORD, and overrides an inherited DEMO_ACCOUNTS", () => {
    const custom = users.map((u) => ({ ...u, password: "s3cret-choice" }));
    expect(demoAccountsEnv({ password: "s3cret-choice", users: custom, authProvider: "credentials" })).toEqual({ DEMO_ACCOUNTS: "" });
    expect(parseEnv({ DEMO_ACCOUNTS: "" }).DEMO_ACCOUNTS).toBeUndefined();
  });

  it("offers nothing with OIDC sign-in", () => {
    expect(demoAccountsEnv({ password: "demo1234", users, authProvider: "oidc" })).toEqual({ DEMO_ACCOUNTS: "" });
  });
});
