import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signInWithApi } from "../support/sign-in";
import { createTestTenant, userOf } from "../support/test-tenant";

// The whole promotion on a tenant of its own (it changes the endpoint): its registry is seeded like
// acme-bank's (v1, v2 Approved, production v2; v3 the rushed retrain PendingManualApproval) plus v4,
// v2's model re-registered level with production. The e2e stack runs without the traffic simulator,
// so the test scores its own transactions with the tenant's API key. A canary may be promoted after
// 10 requests here (a tenant setting; the default is 100), with latency slack for a loaded machine.
test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ timeout: 180_000 });

/** Scores `n` ordinary and risky payments through POST /api/score; returns the variants that answered. */
async function score(request: APIRequestContext, apiKey: string, label: string, n: number): Promise<string[]> {
  const variants: string[] = [];
  for (let i = 0; i < n; i++) {
    const risky = i % 5 === 0;
    const response = await request.post("/api/score", {
      headers: { authorization: `Bearer ${apiKey}` },
      data: {
        txn_id: `${label}-${i}-${Date.now().toString(36)}`,
        amount: risky ? 3000 + (i % 7) * 250 : 15 + ((i * 37) % 400),
        device: risky ? "rooted-phone" : i % 2 === 0 ? "mobile" : "desktop",
        ...(risky ? { geo: "unknown" } : {}),
      },
    });
    expect(response.status()).toBe(200);
    variants.push(((await response.json()) as { model: { variant: string } }).model.variant);
  }
  return variants;
}

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
// A version's figures and its actions (one <tbody id="v<N>"> per version).
const row = (page: Page, version: number) => page.locator(`tbody#v${version}`);

async function confirm(page: Page, title: string, button: string, reason?: string) {
  const dialog = page.getByRole("dialog", { name: title });
  if (reason) await dialog.getByLabel(/^Reason/).fill(reason);
  await dialog.getByRole("button", { name: button }).click();
  await expect(dialog).toBeHidden();
}

test("an ML engineer gates, shadows, canaries, promotes and rolls back a version; an analyst sees no actions and gets 403", async ({
  page,
  baseURL,
}) => {
  const tenant = await createTestTenant({
    label: "promotion-ui",
    registry: { candidates: [{ artifactVersion: 2, championVersion: 2 }] },
    settings: {
      promotionGuardrails: { minCanaryRequests: 10, max5xxRateExcess: 0.005, maxP95LatencyRatio: 1.25, p95LatencySlackMs: 1000 },
    },
  });
  const engineer = userOf(tenant, "ml_engineer").email;
  expect((await signInWithApi(page.request, { email: engineer })).ok()).toBe(true);
  const origin = { origin: baseURL ?? "" };
  await page.goto("/models");

  // v3 passes the seeds' ROC-AUC gate (0.924 ≥ 0.7), yet its approval is blocked with the champion reason.
  await expect(row(page, 3)).toContainText("0.924");
  await expect(row(page, 3).getByRole("button", { name: "Approve v3" })).toBeDisabled();
  await expect(row(page, 3)).toContainText(
    "Behind production v2 on the same held-out split: PR-AUC 0.537 is 0.325 behind production's 0.862",
  );
  const refused = await page.request.post(`/api/models/3/approval`, {
    headers: origin,
    data: { status: "Approved", comment: "ship it anyway" },
  });
  expect(refused.status()).toBe(409);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("gate_champion");
  await expect(row(page, 4).getByRole("button", { name: "Deploy v4 as shadow" })).toBeDisabled();

  // v4 passes: approve it.
  await row(page, 4).getByRole("button", { name: "Approve v4" }).click();
  const approval = page.getByRole("dialog", { name: "Approve v4?" });
  await approval.getByLabel("Comment (required, stored with the decision)").fill("e2e: level with v2 on the same split");
  await approval.getByRole("button", { name: "Approve v4" }).click();
  await expect(approval).toBeHidden();
  await expect(row(page, 4)).toContainText(engineer);

  // Shadow: the comparison fills from live traffic the shadow never answers.
  await row(page, 4).getByRole("button", { name: "Deploy v4 as shadow" }).click();
  await confirm(page, "Deploy v4 as a shadow?", "Deploy v4 as shadow");
  await expect(row(page, 4)).toContainText("shadow, copies");
  const comparison = page.getByRole("region", { name: "Shadow v4 against production" });
  await expect(comparison).toContainText("No live traffic captured yet");
  expect(new Set(await score(page.request, tenant.apiKey, "shadow", 30))).toEqual(new Set(["production"]));
  await expect(comparison.getByRole("definition").first()).toHaveText("30", { timeout: 30_000 });
  await expect(comparison.getByRole("table", { name: "Decision matrix" })).toBeVisible();
  await expect(comparison).toContainText("Score correlation");
  await shot(page, "shadow-comparison");

  // Canary at 10%: promotion is blocked until it has served the tenant's minimum.
  await row(page, 4).getByRole("button", { name: "Deploy v4 as canary" }).click();
  const canaryDialog = page.getByRole("dialog", { name: "Deploy v4 as a canary?" });
  await canaryDialog.getByLabel(/^Canary weight/).fill("10");
  await confirm(page, "Deploy v4 as a canary?", "Deploy v4 as canary");
  await expect(row(page, 4)).toContainText("canary 10.0%");
  await expect(comparison).toBeHidden();
  await expect(row(page, 4)).toContainText("promotion needs at least 10");
  await expect(row(page, 4).getByRole("button", { name: "Promote v4 to 100%" })).toBeDisabled();
  const early = await page.request.post(`/api/endpoints/${tenant.endpointName}/promote`, {
    headers: origin,
    data: { variant: "canary", reason: "too early" },
  });
  expect(((await early.json()) as { error: { code: string } }).error.code).toBe("canary_too_few_requests");

  // Traffic until the canary has answered ten times (routing draws 10% of calls there).
  let canaryAnswers = 0;
  for (let batch = 0; canaryAnswers < 10 && batch < 20; batch++) {
    canaryAnswers += (await score(page.request, tenant.apiKey, `canary${batch}`, 40)).filter((v) => v === "canary").length;
  }
  expect(canaryAnswers).toBeGreaterThanOrEqual(10);
  // The endpoint's metrics reach CloudWatch within its flush; the page's check follows them.
  await expect(row(page, 4)).toContainText("Ready: the canary served", { timeout: 40_000 });
  await shot(page, "canary-ready");
  await row(page, 4).getByRole("button", { name: "Promote v4 to 100%" }).click();
  await confirm(page, "Promote v4 to 100%?", "Promote v4", "e2e: canary healthy");
  await expect(row(page, 4)).toContainText("production 100.0%");

  // Roll back (Endpoints page): the previous config returns, and with it production v2.
  await page.goto("/endpoints");
  await page.getByRole("button", { name: "Roll back" }).click();
  await confirm(page, `Roll back ${tenant.endpointName}?`, "Roll back now", "e2e: back to v2");
  await expect(page.getByRole("status").filter({ hasText: /^Rolled back: traffic moved/ })).toBeVisible({ timeout: 30_000 });
  await page.goto("/models");
  await expect(row(page, 2)).toContainText("production 90.0%");

  // An analyst: no Models page, no actions, and 403 from every mutating API of the promotion.
  // Leave the Models page first: its polling, once signed out, sends the tab to sign-in, and that
  // navigation would abort the analyst's first page load.
  await page.goto("about:blank");
  await page.context().clearCookies();
  expect((await signInWithApi(page.request, userOf(tenant, "analyst"))).ok()).toBe(true);
  await page.goto("/queue");
  expect((await page.goto("/models"))?.status()).toBe(403);
  await expect(page.getByRole("button", { name: /^(Approve|Reject|Deploy|Promote|Backtest) v\d/ })).toHaveCount(0);
  const headers = { ...origin, "content-type": "application/json" };
  const calls = [
    page.request.post("/api/models/4/approval", { headers, data: { status: "Rejected", comment: "analysts may not" } }),
    page.request.post("/api/models/4/deploy", { headers, data: { endpoint: tenant.endpointName, mode: "shadow" } }),
    page.request.post(`/api/endpoints/${tenant.endpointName}/promote`, { headers, data: { variant: "canary", reason: "x" } }),
    page.request.post("/api/models/4/backtest", { headers, data: { from: "2026-11-01T00:00:00Z", to: "2026-11-02T00:00:00Z" } }),
    page.request.post("/api/backtests/20261201T000000000Z-abcdef/cancel", { headers }),
  ];
  for (const response of await Promise.all(calls)) {
    expect(response.status(), response.url()).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  }
});
