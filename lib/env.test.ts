import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const OIDC = { AUTH_PROVIDER: "oidc", OIDC_ISSUER: "https://idp.example", OIDC_CLIENT_ID: "id", OIDC_CLIENT_SECRET: "secret" };
const ACCOUNTS = JSON.stringify([{ email: "analyst@acme-bank.test", role: "analyst", tenant: "Acme Bank" }]);

describe("parseEnv", () => {
  it("trusts X-Forwarded-Host only when TRUST_FORWARDED_HOST says so", () => {
    expect(parseEnv({}).TRUST_FORWARDED_HOST).toBe(false);
    expect(parseEnv({ TRUST_FORWARDED_HOST: "true" }).TRUST_FORWARDED_HOST).toBe(true);
    expect(() => parseEnv({ TRUST_FORWARDED_HOST: "yes" })).toThrow(/TRUST_FORWARDED_HOST/);
  });

  it("offers no demo accounts unless DEMO_ACCOUNTS lists them", () => {
    expect(parseEnv({}).DEMO_ACCOUNTS).toBeUndefined();
    expect(parseEnv({ DEMO_ACCOUNTS: "" }).DEMO_ACCOUNTS).toBeUndefined();
    expect(parseEnv({ DEMO_ACCOUNTS: ACCOUNTS }).DEMO_ACCOUNTS).toEqual([
      { email: "analyst@acme-bank.test", role: "analyst", tenant: "Acme Bank" },
    ]);
  });

  it.each([
    ["not JSON", "analyst@acme-bank.test"],
    ["an unknown role", JSON.stringify([{ email: "a@b.test", role: "root", tenant: "Acme" }])],
    ["a bad e-mail", JSON.stringify([{ email: "nobody", role: "admin", tenant: "Acme" }])],
    ["an empty list", "[]"],
  ])("refuses DEMO_ACCOUNTS that is %s, naming the variable", (_name, value) => {
    expect(() => parseEnv({ DEMO_ACCOUNTS: value })).toThrow(/DEMO_ACCOUNTS/);
  });

  it("refuses DEMO_ACCOUNTS with OIDC sign-in", () => {
    expect(parseEnv(OIDC).AUTH_PROVIDER).toBe("oidc");
    expect(() => parseEnv({ ...OIDC, DEMO_ACCOUNTS: ACCOUNTS })).toThrow(/DEMO_ACCOUNTS is for AUTH_PROVIDER=credentials only/);
  });
});
