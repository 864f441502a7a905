import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { signInWithApi } from "../support/sign-in";
import { DEMO_PASSWORD } from "../support/demo-users";
import { createTestTenant, userOf } from "../support/test-tenant";
import type { TestTenantRecord } from "@/test/support/test-tenant";

// Sessions, sign-out, user administration and sign-in throttling, on a tenant and users of this file's
// own (created in the e2e stack): nothing here touches the demo's users.
let tenant: TestTenantRecord;
test.beforeAll(async () => {
  tenant = await createTestTenant({ label: "sessions" });
});

async function signedIn(baseURL: string | undefined, email: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL ?? "" } });
  const response = await signInWithApi(context, { email }, DEMO_PASSWORD);
  expect(((await response.json()) as { url: string }).url).not.toContain("error=");
  return context;
}

async function signOut(context: APIRequestContext): Promise<void> {
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  expect((await context.post("/api/auth/signout", { form: { csrfToken, json: "true" } })).ok()).toBe(true);
}

test("a session cookie replayed after POST /api/auth/signout gets 401", async ({ baseURL }) => {
  const analyst = await signedIn(baseURL, userOf(tenant, "ml_engineer").email);
  expect((await analyst.get("/api/queue")).status()).toBe(200);
  const copied = await analyst.storageState();

  await signOut(analyst);
  const replay = await playwrightRequest.newContext({ baseURL, storageState: copied, extraHTTPHeaders: { origin: baseURL ?? "" } });
  const response = await replay.get("/api/queue");
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: { code: "unauthorized", message: "Sign in to continue" } });
  expect(await (await replay.get("/api/auth/session")).json()).toEqual({});
});

test("an admin disables a user: their open session gets 401 within a minute, and they cannot sign in", async ({ baseURL }) => {
  test.setTimeout(90_000);
  const analyst = await signedIn(baseURL, userOf(tenant, "analyst").email);
  const admin = await signedIn(baseURL, userOf(tenant, "admin").email);
  expect((await analyst.get("/api/queue")).status()).toBe(200);

  const users = await admin.get("/api/users");
  expect(users.status()).toBe(200);
  expect(((await users.json()) as { users: Array<{ email: string; enabled: boolean }> }).users).toEqual(
    expect.arrayContaining([expect.objectContaining({ email: userOf(tenant, "analyst").email, enabled: true })]),
  );
  const disabled = await admin.patch(`/api/users/${encodeURIComponent(userOf(tenant, "analyst").email)}`, {
    data: { enabled: false, reason: "e2e: left the team" },
  });
  expect(disabled.status()).toBe(200);
  expect(await disabled.json()).toMatchObject({
    user: { email: userOf(tenant, "analyst").email, enabled: false, updatedBy: userOf(tenant, "admin").email },
  });

  // The session re-check runs at most every 60 s per instance; poll the outcome, bounded by that.
  await expect.poll(async () => (await analyst.get("/api/queue")).status(), { timeout: 65_000, intervals: [1_000] }).toBe(401);
  const again = await signInWithApi(await playwrightRequest.newContext({ baseURL }), userOf(tenant, "analyst"), DEMO_PASSWORD);
  expect(((await again.json()) as { url: string }).url).toContain("error=CredentialsSignin");

  const audit = await admin.get("/api/settings/audit?action=user.disable");
  expect(((await audit.json()) as { entries: unknown[] }).entries).toEqual([
    expect.objectContaining({
      actor: userOf(tenant, "admin").email,
      target: `user:${userOf(tenant, "analyst").email}`,
      reason: "e2e: left the team",
      state: "done",
    }),
  ]);
  const enabled = await admin.patch(`/api/users/${encodeURIComponent(userOf(tenant, "analyst").email)}`, { data: { enabled: true } });
  expect(enabled.status()).toBe(200);
  await signedIn(baseURL, userOf(tenant, "analyst").email);
});

test("user administration is admin-only, tenant-scoped, and an admin cannot disable themselves", async ({ baseURL }) => {
  const engineer = await signedIn(baseURL, userOf(tenant, "ml_engineer").email);
  expect((await engineer.get("/api/users")).status()).toBe(403);
  const admin = await signedIn(baseURL, userOf(tenant, "admin").email);
  const self = await admin.patch(`/api/users/${encodeURIComponent(userOf(tenant, "admin").email)}`, { data: { enabled: false } });
  expect(self.status()).toBe(400);
  expect(await self.json()).toEqual({ error: { code: "bad_request", message: "You cannot disable your own account" } });
  const foreign = await admin.patch(`/api/users/${encodeURIComponent("analyst@acme-bank.test")}`, { data: { enabled: false } });
  expect(foreign.status()).toBe(404);
  const bad = await admin.patch(`/api/users/${encodeURIComponent(userOf(tenant, "ml_engineer").email)}`, { data: { enabled: "no" } });
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("bad_request");
});

test("after 5 wrong passwords the right one is refused with the same generic answer", async ({ baseURL }) => {
  const locked = await createTestTenant({ label: "lock" });
  const email = userOf(locked, "analyst").email;
  const answer = async (user: string, password: string) => {
    const context = await playwrightRequest.newContext({ baseURL });
    const response = await signInWithApi(context, { email: user }, password);
    return { status: response.status(), body: (await response.json()) as { url: string } };
  };
  const wrong = [];
  for (let i = 0; i < 5; i++) wrong.push(await answer(email, `wrong-password-${i}`));
  const right = await answer(email, DEMO_PASSWORD);
  const unknown = await answer(`nobody@${locked.tenantId}.test`, DEMO_PASSWORD);
  for (const refused of [...wrong, right, unknown]) {
    expect(refused.status).toBe(401);
    expect(refused.body.url).toContain("error=CredentialsSignin");
  }
  // Byte for byte the same answer whether the password was wrong, the account locked, or unknown.
  expect(new Set([...wrong, right, unknown].map((r) => JSON.stringify(r.body))).size).toBe(1);
});
