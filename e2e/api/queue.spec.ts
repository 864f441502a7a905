import { expect, test, type APIRequestContext } from "@playwright/test";
import type { TestTenantRecord } from "@/test/support/test-tenant";
import { DEMO_USERS } from "../support/demo-users";
import { signInWithApi } from "../support/sign-in";
import { createTestTenant, userOf } from "../support/test-tenant";

/** The queue's JSON API through real sessions: roles, tenants, conflicts, idempotency, exports. */
async function seedFlagged(request: APIRequestContext, tenant: TestTenantRecord, label: string): Promise<string> {
  const txnId = `e2e-api-${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  // Over 25,000: SUSPICIOUS by the default rule, without the model.
  const response = await request.post("/api/score", {
    headers: { authorization: `Bearer ${tenant.apiKey}` },
    data: { txn_id: txnId, amount: 30_000 },
  });
  expect(((await response.json()) as { decision: string }).decision).toBe("SUSPICIOUS");
  return txnId;
}

test("signed out, every queue route answers 401 with the one error body", async ({ request }) => {
  for (const [method, path] of [
    ["GET", "/api/queue"],
    ["GET", "/api/transactions/x"],
    ["POST", "/api/transactions/x/claim"],
    ["POST", "/api/transactions/x/verdict"],
    ["POST", "/api/verdicts"],
    ["GET", "/api/labels/export"],
    ["GET", "/api/explanations"],
  ] as const) {
    const response = await request.fetch(path, { method, data: method === "POST" ? {} : undefined });
    expect(response.status(), `${method} ${path}`).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: "Sign in to continue" } });
  }
});

test("an analyst lists, opens, claims and decides; a stale version is 409 and bulk verdicts are idempotent", async ({
  playwright,
  request,
}) => {
  // Claims and verdicts in a tenant of the test's own.
  const tenant = await createTestTenant({ label: "e2e-api-queue" });
  const analyst = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const engineer = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    expect((await signInWithApi(analyst, userOf(tenant, "analyst"))).ok()).toBe(true);
    expect((await signInWithApi(engineer, userOf(tenant, "ml_engineer"))).ok()).toBe(true);
    const [one, two] = [await seedFlagged(request, tenant, "one"), await seedFlagged(request, tenant, "two")];

    const page = await analyst.get(`/api/queue?q=${one}`);
    expect(page.status()).toBe(200);
    expect(await page.json()).toMatchObject({
      items: [{ txnId: one, status: "open", version: 1, decision: "SUSPICIOUS" }],
      nextCursor: null,
    });
    expect((await analyst.get("/api/queue?status=nope")).status()).toBe(400);
    expect((await analyst.get("/api/queue?cursor=Zm9v")).status()).toBe(400);

    const detail = await analyst.get(`/api/transactions/${one}`);
    expect(await detail.json()).toMatchObject({
      item: { txnId: one, ruleHits: [{ rule_id: "large-amount" }] },
      summary: "Flagged by rule “Amount over 25,000” without asking the model.",
    });

    expect((await analyst.post(`/api/transactions/${one}/claim`, { data: {} })).status()).toBe(200);
    const taken = await engineer.post(`/api/transactions/${one}/claim`, { data: {} });
    expect(taken.status()).toBe(409);
    expect(await taken.json()).toMatchObject({
      error: { code: "conflict", details: { reason: "claimed", claim: { by: userOf(tenant, "analyst").email } } },
    });

    const decided = await analyst.post(`/api/transactions/${one}/verdict`, { data: { verdict: "fraud", note: "e2e", version: 1 } });
    expect(decided.status()).toBe(200);
    expect(await decided.json()).toMatchObject({ outcome: "applied", item: { status: "confirmed_fraud", version: 2 } });
    const stale = await engineer.post(`/api/transactions/${one}/verdict`, { data: { verdict: "legit", version: 1 } });
    expect(stale.status()).toBe(409);
    expect(await stale.json()).toMatchObject({
      error: { code: "conflict", details: { reason: "stale", verdict: { by: userOf(tenant, "analyst").email } } },
    });
    expect((await analyst.post(`/api/transactions/${one}/verdict`, { data: { verdict: "maybe", version: 1 } })).status()).toBe(400);

    const bulk = {
      verdict: "legit",
      items: [
        { txnId: two, version: 1 },
        { txnId: one, version: 1 },
      ],
    };
    const first = await engineer.post("/api/verdicts", { data: bulk });
    expect((await first.json()) as unknown).toMatchObject({
      results: [
        { txnId: two, outcome: "applied" },
        { txnId: one, outcome: "conflict" },
      ],
    });
    const again = await engineer.post("/api/verdicts", { data: bulk });
    expect((await again.json()) as unknown).toMatchObject({
      results: [
        { txnId: two, outcome: "unchanged" },
        { txnId: one, outcome: "conflict" },
      ],
    });
  } finally {
    await analyst.dispose();
    await engineer.dispose();
  }
});

test("label export is for ML engineers and admins: training CSV and JSON lines", async ({ request }) => {
  expect((await signInWithApi(request, DEMO_USERS.analyst)).ok()).toBe(true);
  expect((await request.get("/api/labels/export")).status()).toBe(403);
  expect((await signInWithApi(request, DEMO_USERS.ml_engineer)).ok()).toBe(true);
  const csv = await request.get("/api/labels/export?format=csv");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trim().split("\n");
  expect(lines[0]).toMatch(/^is_fraud,amount,amount_to_avg_ratio,/);
  expect(lines.length).toBeGreaterThan(10);
  const jsonl = await request.get("/api/labels/export?format=jsonl");
  const first = JSON.parse((await jsonl.text()).split("\n")[0] ?? "{}") as Record<string, unknown>;
  expect(first).toMatchObject({ is_fraud: expect.any(Number), txn_id: expect.any(String) });
  const explanations = await request.get("/api/explanations?days=7");
  expect(await explanations.json()).toMatchObject({
    versions: expect.arrayContaining([expect.objectContaining({ precision: expect.any(Number) })]),
  });
});
