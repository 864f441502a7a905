import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type { TestTenantRecord } from "@/test/support/test-tenant";
import { signInWithApi, signInWithForm } from "../support/sign-in";
import { createTestTenant, userOf } from "../support/test-tenant";

/**
 * The analyst's day in the review queue, in a real browser. Every test works in a tenant of its own
 * (its queue, its users, its endpoint, on which production v2 answers every call), seeds its flagged
 * transactions through the scoring API, and so sees exactly the rows it made.
 */
// acme-bank's v2 scores the payment apps' SUSPICIOUS demo payload > 0.9 (npm run model:train checks it).
const FLAGGED = { amount: 5000, geo: "unknown", device: "rooted-phone", customer_avg_amount_30d: 120, device_first_seen: true };

async function seedFlagged(request: APIRequestContext, tenant: TestTenantRecord, label: string): Promise<string> {
  const txnId = `e2e-${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const response = await request.post("/api/score", {
    headers: { authorization: `Bearer ${tenant.apiKey}` },
    data: { txn_id: txnId, ...FLAGGED },
  });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ decision: "SUSPICIOUS", degraded: false, model: { variant: "production" } });
  return txnId;
}

// Each test first makes its tenant (a tsx process and an endpoint going InService, a few seconds on a
// busy machine), then drives one or two browsers: more than the suite's default 30 s allows.
test.describe.configure({ timeout: 60_000 });

const row = (page: Page, txnId: string) => page.locator(`tr[data-txn-id="${txnId}"]`);
const queueTable = (page: Page) => page.getByRole("table", { name: "Review queue" });

test.describe("an analyst", () => {
  test("opens the top item with the keyboard, sees why it was flagged, confirms fraud with f, and it leaves the pending list", async ({
    page,
    request,
  }) => {
    const tenant = await createTestTenant({ label: "e2e-flow" });
    expect((await signInWithApi(page.request, userOf(tenant, "analyst"))).ok()).toBe(true);
    const txnId = await seedFlagged(request, tenant, "flow");
    await page.goto("/queue?sort=newest&limit=200");
    await expect(row(page, txnId)).toBeVisible();

    await page.goto(`/queue?q=${txnId}`);
    await expect(queueTable(page).locator("tbody tr")).toHaveCount(1);
    // Keys work from the first moment the list says it is ready (not busy): until then it is inert.
    await expect(queueTable(page)).toHaveAttribute("aria-busy", "false");
    await expect(row(page, txnId)).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(new RegExp(`/transactions/${txnId}\\?back=`));
    await expect(page.getByRole("img", { name: /^SHAP waterfall: from a base rate of/ })).toBeVisible();
    await expect(page.getByTestId("flag-summary")).toHaveText(/^Flagged mainly because .+\./);
    await expect(page.getByText(/^You are working on this until/)).toBeVisible();
    await page.keyboard.press("f");

    await expect(page).toHaveURL(new RegExp(`/queue\\?q=${txnId}$`));
    await expect(page.getByRole("status").filter({ hasText: `Confirm fraud: ${txnId} recorded` })).toBeVisible();
    await expect(row(page, txnId)).toContainText("Confirmed fraud");
    await page.goto("/queue");
    await expect(page.getByText("Queue clear")).toBeVisible();
    await expect(row(page, txnId)).toHaveCount(0);
  });

  test("moves with j/k and shows the shortcut sheet with ?, each key pressed once", async ({ page, request }) => {
    const tenant = await createTestTenant({ label: "e2e-keys" });
    expect((await signInWithApi(page.request, userOf(tenant, "analyst"))).ok()).toBe(true);
    const seeded = [];
    for (const label of ["keys-1", "keys-2", "keys-3"]) seeded.push(await seedFlagged(request, tenant, label));
    const [, second, newest] = seeded;
    await page.goto("/queue?sort=newest");
    const selected = queueTable(page).locator('tbody tr[aria-selected="true"]');
    await expect(queueTable(page).locator("tbody tr")).toHaveCount(3);
    await expect(selected).toHaveAttribute("data-txn-id", newest ?? "");
    // The page marks the list busy (and inert) until its shortcuts listen; from then on no key is lost.
    await expect(queueTable(page)).toHaveAttribute("aria-busy", "false");
    await page.keyboard.press("j");
    await expect(selected).toHaveAttribute("data-txn-id", second ?? "");
    await page.keyboard.press("k");
    await expect(selected).toHaveAttribute("data-txn-id", newest ?? "");
    await page.keyboard.press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  });
});

test("a second analyst sees the claim, takes it over, and the first gets a clear message on a stale verdict", async ({
  browser,
  request,
}) => {
  const tenant = await createTestTenant({ label: "e2e-claim" });
  const txnId = await seedFlagged(request, tenant, "claim");
  const [analyst, engineer] = [userOf(tenant, "analyst"), userOf(tenant, "ml_engineer")];
  const first = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const second = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    expect((await signInWithApi(first.request, analyst)).ok()).toBe(true);
    expect((await signInWithApi(second.request, engineer)).ok()).toBe(true);
    const a = await first.newPage();
    await a.goto(`/transactions/${txnId}`);
    await expect(a.getByText(/^You are working on this until/)).toBeVisible();

    const b = await second.newPage();
    await b.goto(`/transactions/${txnId}`);
    await expect(b.getByRole("status").filter({ hasText: `Claimed by ${analyst.name}` })).toBeVisible();
    await expect(b.getByRole("button", { name: /Confirm fraud/ })).toBeDisabled();
    await b.keyboard.press("l");
    await expect(b).toHaveURL(new RegExp(`/transactions/${txnId}$`));

    await b.getByRole("button", { name: "Take over" }).click();
    await expect(b.getByText(/^You are working on this until/)).toBeVisible();
    await b.keyboard.press("l");
    await expect(b).toHaveURL(/\/queue$/);

    await a.keyboard.press("f");
    await expect(a.getByRole("alert").filter({ hasText: "Not recorded" })).toContainText(
      `${engineer.name} (${engineer.email}) decided first: False positive. Reload to see the current state.`,
    );
    await expect(a).toHaveURL(new RegExp(`/transactions/${txnId}$`));
  } finally {
    await first.close();
    await second.close();
  }
});

test("an analyst of another tenant sees none of it and gets 404 on its URLs", async ({ page, request }) => {
  const tenant = await createTestTenant({ label: "e2e-tenant" });
  const txnId = await seedFlagged(request, tenant, "tenant");
  // The demo's globex-pay analyst only reads here.
  await page.goto("/signin");
  await signInWithForm(page, "analyst@globex-pay.test");
  await expect(page).toHaveURL(/\/queue$/);
  await page.goto(`/queue?q=${txnId}`);
  await expect(page.getByText("Nothing matches these filters")).toBeVisible();
  expect((await page.goto(`/transactions/${txnId}`))?.status()).toBe(404);
  for (const [method, path, data] of [
    ["GET", `/api/transactions/${txnId}`, undefined],
    ["POST", `/api/transactions/${txnId}/claim`, {}],
    ["POST", `/api/transactions/${txnId}/verdict`, { verdict: "fraud", version: 1 }],
  ] as const) {
    // As a script would: page.request sends no Origin, and the same-origin check needs one.
    const response = await page.request.fetch(path, { method, data, headers: { origin: test.info().project.use.baseURL ?? "" } });
    expect(response.status(), `${method} ${path}`).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not_found");
  }
});
