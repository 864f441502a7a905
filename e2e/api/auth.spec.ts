import { expect, test } from "@playwright/test";
import { DEMO_TENANT, DEMO_USERS } from "../support/demo-users";
import { signInWithApi } from "../support/sign-in";

test("signed out, an API answers 401 with the one error body", async ({ request }) => {
  for (const path of ["/api/endpoints", "/api/models"]) {
    const response = await request.get(path);
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: "Sign in to continue" } });
  }
});

test("next-auth's credentials callback signs in and the session carries tenant and role", async ({ request }) => {
  const signIn = await signInWithApi(request, DEMO_USERS.ml_engineer);
  expect(signIn.ok()).toBe(true);
  expect(((await signIn.json()) as { url: string }).url).not.toContain("error=");

  const session = (await (await request.get("/api/auth/session")).json()) as { user: unknown };
  expect(session.user).toEqual({
    id: DEMO_USERS.ml_engineer.email,
    email: DEMO_USERS.ml_engineer.email,
    name: expect.any(String),
    tenantId: DEMO_TENANT.tenantId,
    role: "ml_engineer",
  });

  const endpoints = await request.get("/api/endpoints");
  expect(endpoints.status()).toBe(200);
  expect(await endpoints.json()).toMatchObject({ found: true, endpoint: { status: "InService" } });
});

test("an analyst signed in through the callback gets 403 JSON from ML-engineer APIs", async ({ request }) => {
  expect((await signInWithApi(request, DEMO_USERS.analyst)).ok()).toBe(true);
  for (const path of ["/api/endpoints", "/api/models"]) {
    const response = await request.get(path);
    expect(response.status()).toBe(403);
    expect(await response.json()).toEqual({ error: { code: "forbidden", message: "Your role may not use this resource" } });
  }
});

test("a wrong password through the callback yields no session", async ({ request }) => {
  const signIn = await signInWithApi(request, DEMO_USERS.admin, "wrong-password");
  expect(((await signIn.json()) as { url: string }).url).toContain("error=CredentialsSignin");
  expect(await (await request.get("/api/auth/session")).json()).toEqual({});
  expect((await request.get("/api/models")).status()).toBe(401);
});

test("health is public, reports every dependency and reveals no configuration", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { status: string; checks: Record<string, { ok: boolean; latencyMs: number }> };
  expect(body.status).toBe("ok");
  expect(Object.keys(body.checks).sort()).toEqual(["cloudwatch", "dynamodb", "s3", "sagemaker"]);
  for (const check of Object.values(body.checks)) expect(check).toEqual({ ok: true, latencyMs: expect.any(Number) });
});
