import { describe, expect, it } from "vitest";
import { listAudit } from "@/lib/audit/list-audit";
import { tokenWithUser } from "@/lib/auth/callbacks";
import { createSessionChecker, SESSION_RECHECK_MS } from "@/lib/auth/session-check";
import { createUser } from "@/lib/users/create-user";
import { endSession } from "@/lib/users/end-session";
import { getUser } from "@/lib/users/get-user";
import { listUsers } from "@/lib/users/list-users";
import { setUserEnabled } from "@/lib/users/set-user-enabled";
import { testTenant } from "./queue-helpers";

async function tenantWithUsers(label: string) {
  const tenantId = testTenant(label);
  const admin = `admin@${tenantId}.test`;
  const analyst = `analyst@${tenantId}.test`;
  await createUser({ tenantId, email: admin, name: "Admin", role: "admin", password: "password-1" });
  await createUser({ tenantId, email: analyst, name: "Analyst", role: "analyst", password: "password-1" });
  return { tenantId, admin, analyst };
}

async function tokenFor(tenantId: string, email: string) {
  const user = await getUser({ tenantId, email });
  if (!user) throw new Error("no user");
  return tokenWithUser({}, { id: email, email, name: user.name, tenantId, role: user.role });
}

/** Another console instance: its own cache, a clock the test moves. */
function instance() {
  let now = Date.now();
  const checker = createSessionChecker({ now: () => now });
  return { checker, advance: (ms: number) => (now += ms) };
}

describe("sessions re-checked against the user record", () => {
  it("a disabled user's session ends within the re-check interval on every instance", async () => {
    const { tenantId, admin, analyst } = await tenantWithUsers("disable");
    const token = await tokenFor(tenantId, analyst);
    const other = instance();
    expect(await other.checker.recheck(token)).toMatchObject({ tenantId, role: "analyst" });

    await setUserEnabled({ tenantId, email: analyst, enabled: false, actor: admin, reason: "left the team" });
    // The other instance read the user before the change and may trust it for the rest of the interval...
    other.advance(SESSION_RECHECK_MS - 1);
    expect(await other.checker.recheck(token)).not.toBeNull();
    // ...and no longer.
    other.advance(1);
    expect(await other.checker.recheck(token)).toBeNull();
    expect(SESSION_RECHECK_MS).toBeLessThanOrEqual(60_000);

    await setUserEnabled({ tenantId, email: analyst, enabled: true, actor: admin });
    other.advance(SESSION_RECHECK_MS);
    expect(await other.checker.recheck(token)).not.toBeNull();
    const { entries } = await listAudit({ tenantId, action: "user.", limit: 10 });
    expect(entries.map((e) => [e.action, e.actor, e.target, e.before, e.after, e.reason])).toEqual([
      ["user.enable", admin, `user:${analyst}`, { enabled: false }, { enabled: true }, null],
      ["user.disable", admin, `user:${analyst}`, { enabled: true }, { enabled: false }, "left the team"],
    ]);
  });

  it("a role change reaches the session within the interval", async () => {
    const { tenantId, analyst } = await tenantWithUsers("role");
    const token = await tokenFor(tenantId, analyst);
    const other = instance();
    await other.checker.recheck(token);
    const { documentClient } = await import("@/lib/aws/clients");
    const { UpdateCommand } = await import("@aws-sdk/lib-dynamodb");
    const { tenantPk, userSk } = await import("@/lib/db/keys");
    const { env } = await import("@/lib/env");
    await documentClient().send(
      new UpdateCommand({
        TableName: env().TABLE_NAME,
        Key: { PK: tenantPk(tenantId), SK: userSk(analyst) },
        UpdateExpression: "SET #role = :role",
        ExpressionAttributeNames: { "#role": "role" },
        ExpressionAttributeValues: { ":role": "ml_engineer" },
      }),
    );
    other.advance(SESSION_RECHECK_MS);
    expect(await other.checker.recheck(token)).toMatchObject({ role: "ml_engineer" });
  });

  it("sign-out ends that session (and any copy of its cookie) but not the user's others", async () => {
    const { tenantId, analyst } = await tenantWithUsers("signout");
    const token = await tokenFor(tenantId, analyst);
    const otherBrowser = await tokenFor(tenantId, analyst);
    const checker = createSessionChecker();
    expect(await checker.recheck(token)).not.toBeNull();
    await endSession({ tenantId, email: analyst, sessionId: token.sid!, keepForMs: 8 * 3600_000 });
    const other = instance();
    expect(await other.checker.recheck(token)).toBeNull();
    expect(await other.checker.recheck(otherBrowser)).not.toBeNull();
    expect(await other.checker.recheck(await tokenFor(tenantId, analyst))).not.toBeNull();
    expect(await other.checker.recheck({ ...token, tenantId: testTenant("elsewhere") })).toBeNull();
    expect((await listAudit({ tenantId, action: "auth.sign_out", limit: 5 })).entries).toHaveLength(1);
  });

  it("keeps a revoked session only while its tokens could be valid, pruning the rest at the next sign-out", async () => {
    const { tenantId, analyst } = await tenantWithUsers("prune");
    let now = Date.now();
    const clock = { now: () => new Date(now) };
    await endSession({ tenantId, email: analyst, sessionId: "old-session", keepForMs: 1_000 }, clock);
    now += 2_000;
    await endSession({ tenantId, email: analyst, sessionId: "new-session", keepForMs: 1_000 }, clock);
    expect(Object.keys((await getUser({ tenantId, email: analyst }))?.revokedSessions ?? {})).toEqual(["new-session"]);
  });
});

describe("user administration", () => {
  it("lists a tenant's users without secrets, refuses self-disable and another tenant's user", async () => {
    const { tenantId, admin, analyst } = await tenantWithUsers("admin");
    const users = await listUsers({ tenantId });
    expect(users.map((u) => [u.email, u.role, u.enabled])).toEqual([
      [admin, "admin", true],
      [analyst, "analyst", true],
    ]);
    expect(JSON.stringify(users)).not.toContain("scrypt");
    await expect(setUserEnabled({ tenantId, email: admin, enabled: false, actor: admin })).rejects.toMatchObject({
      code: "bad_request",
      message: "You cannot disable your own account",
    });
    await expect(setUserEnabled({ tenantId: testTenant("other"), email: analyst, enabled: false, actor: admin })).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await getUser({ tenantId, email: analyst }))?.enabled).toBe(true);
  });
});
