import type { Session } from "next-auth";
import { describe, expect, it } from "vitest";
import { isLocalPath, safeCallbackUrl, signInPath } from "./callback-url";
import { sessionFromToken, tokenWithUser } from "./callbacks";
import { checkAccess } from "./check-access";
import { userFromClaims } from "./oidc-claims";
import { AREA_ROLES, canAccess, ROLES, type Area, type Role } from "./roles";

const user = { id: "mlops@acme-bank.test", email: "mlops@acme-bank.test", name: "Mo", tenantId: "acme-bank", role: "ml_engineer" as const };
const session = (u: unknown): Session => ({ expires: "2099-01-01T00:00:00Z", user: u as Session["user"] });

describe("role policy", () => {
  const expected: Record<Role, Area[]> = {
    analyst: ["queue", "dashboards"],
    ml_engineer: ["queue", "dashboards", "drift", "models", "endpoints", "rollbacks"],
    admin: ["queue", "dashboards", "drift", "models", "endpoints", "rollbacks", "settings", "audit"],
  };
  it.each(ROLES)("%s opens exactly its areas", (role) => {
    const areas = (Object.keys(AREA_ROLES) as Area[]).filter((area) => canAccess(role, area));
    expect(areas).toEqual(expected[role]);
  });
});

describe("checkAccess", () => {
  it("accepts a complete session with an allowed role", () => {
    expect(checkAccess(session(user), AREA_ROLES.endpoints)).toEqual({ ok: true, user });
  });
  it("refuses a role outside the list as forbidden", () => {
    expect(checkAccess(session({ ...user, role: "analyst" }), AREA_ROLES.endpoints)).toEqual({ ok: false, reason: "forbidden" });
  });
  it.each([
    ["no session", null],
    ["a session without tenant", session({ ...user, tenantId: undefined })],
    ["a session with an unknown role", session({ ...user, role: "root" })],
  ])("treats %s as unauthenticated", (_name, value) => {
    expect(checkAccess(value, undefined)).toEqual({ ok: false, reason: "unauthenticated" });
  });
});

describe("session callbacks", () => {
  it("carry id, tenant and role from the signed-in user through the token into the session", () => {
    const token = tokenWithUser({}, user);
    expect(sessionFromToken(session(undefined), token).user).toEqual(user);
  });
  it("refuse a token without tenant or role (next-auth then clears the cookie)", () => {
    expect(() => sessionFromToken(session(undefined), { sub: user.id, email: user.email })).toThrow();
  });
});

describe("userFromClaims", () => {
  const claims = { tenant: "custom:tenant", role: "custom:role" };
  it("maps tenant and role from the configured claims, e-mail as id", () => {
    const profile = { sub: "abc", email: "Sam@Globex.test", name: "Sam", "custom:tenant": "globex-pay", "custom:role": "admin" };
    expect(userFromClaims(profile, claims)).toEqual({
      id: "sam@globex.test",
      email: "sam@globex.test",
      name: "Sam",
      tenantId: "globex-pay",
      role: "admin",
    });
  });
  it.each([
    ["no tenant claim", { sub: "a", email: "a@b.test", "custom:role": "admin" }],
    ["an unknown role", { sub: "a", email: "a@b.test", "custom:tenant": "t", "custom:role": "superuser" }],
    ["no e-mail", { sub: "a", "custom:tenant": "t", "custom:role": "analyst" }],
  ])("refuses a profile with %s", (_name, profile) => {
    expect(() => userFromClaims(profile, claims)).toThrow();
  });
});

describe("callback URLs", () => {
  it.each(["/endpoints", "/queue?status=open"])("keeps the local path %s", (path) => {
    expect(isLocalPath(path)).toBe(true);
    expect(signInPath(path)).toBe(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  });
  it.each(["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)"])(
    "drops the foreign target %s",
    (target) => {
      expect(safeCallbackUrl(target)).toBe("/");
      expect(signInPath(target)).toBe("/signin");
    },
  );
});
