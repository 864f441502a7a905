import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { storageStatePath } from "../support/demo-users";
import { signInWithForm } from "../support/sign-in";

/**
 * The analyst's day in the review queue, in a real browser. Every test seeds its own flagged
 * transaction through the scoring API (other specs verdict items too), then finds it by txn id.
 */
const DEMO_FILE = process.env.E2E_DEMO_FILE ?? ".test-data/e2e/demo.json";

/** A transaction the model flags with SHAP attributions (the canary may say REVIEW rather than SUSPICIOUS). */
async function seedFlagged(request: APIRequestContext, label: string): Promise<string> {
  const { apiKeys } = JSON.parse(readFileSync(DEMO_FILE, "utf8")) as { apiKeys: Record<string, string> };
  for (let attempt = 0; attempt < 5; attempt++) {
    const txnId = `e2e-${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
    const response = await request.post("/api/score", {
      headers: { authorization: `Bearer ${apiKeys["acme-bank"]}` },
      data: { txn_id: txnId, amount: 5000, geo: "unknown", device: "rooted-phone", customer_avg_amount_30d: 120, device_first_seen: true },
    });
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { decision: string; degraded: boolean };
    if (body.decision !== "LEGIT" && !body.degraded) return txnId;
  }
  throw new Error("the model never flagged the seeded transaction");
}

const row = (page: Page, txnId: string) => page.locator(`tr[data-txn-id="${txnId}"]`);

test.describe("an analyst", () => {
  test.use({ storageState: storageStatePath("analyst") });

  test("opens the top item with the keyboard, sees why it was flagged, confirms fraud with f, and it leaves the pending list", async ({
    page,
    request,
  }) => {
    const txnId = await seedFlagged(request, "flow");
    await page.goto("/queue?sort=newest&limit=200");
    await expect(row(page, txnId)).toBeVisible();

    await page.goto(`/queue?q=${txnId}`);
    await expect(page.getByRole("table", { name: "Review queue" }).locator("tbody tr")).toHaveCount(1);
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
    await page.goto("/queue?sort=newest&limit=200");
    await expect(page.getByRole("table", { name: "Review queue" })).toBeVisible();
    await expect(row(page, txnId)).toHaveCount(0);
  });

  test("moves with j/k and shows the shortcut sheet with ?", async ({ page, request }) => {
    await seedFlagged(request, "keys");
    await page.goto("/queue?sort=newest");
    // Selection follows a txn id, not a row index: other specs seed items concurrently and the live
    // refresh may insert rows above. A key pressed before hydration is lost, so j is pressed again
    // only while the selection has not moved.
    const selected = page.getByRole("table", { name: "Review queue" }).locator('tbody tr[aria-selected="true"]');
    const selectedId = () => selected.getAttribute("data-txn-id");
    await expect(selected).toHaveCount(1);
    const first = await selectedId();
    await expect(async () => {
      if ((await selectedId()) === first) await page.keyboard.press("j");
      expect(await selectedId()).not.toBe(first);
    }).toPass();
    await page.keyboard.press("k");
    await expect(selected).toHaveAttribute("data-txn-id", first ?? "");
    await page.keyboard.press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  });
});

test("a second analyst sees the claim, takes it over, and the first gets a clear message on a stale verdict", async ({
  browser,
  request,
}) => {
  const txnId = await seedFlagged(request, "claim");
  const first = await browser.newContext({ storageState: storageStatePath("analyst") });
  const second = await browser.newContext({ storageState: storageStatePath("ml_engineer") });
  try {
    const a = await first.newPage();
    await a.goto(`/transactions/${txnId}`);
    await expect(a.getByText(/^You are working on this until/)).toBeVisible();

    const b = await second.newPage();
    await b.goto(`/transactions/${txnId}`);
    await expect(b.getByRole("status").filter({ hasText: "Claimed by Fraud analyst, Acme Bank" })).toBeVisible();
    await expect(b.getByRole("button", { name: /Confirm fraud/ })).toBeDisabled();
    await b.keyboard.press("l");
    await expect(b).toHaveURL(new RegExp(`/transactions/${txnId}$`));

    await b.getByRole("button", { name: "Take over" }).click();
    await expect(b.getByText(/^You are working on this until/)).toBeVisible();
    await b.keyboard.press("l");
    await expect(b).toHaveURL(/\/queue$/);

    await a.keyboard.press("f");
    await expect(a.getByRole("alert").filter({ hasText: "Not recorded" })).toContainText(
      "ML engineer, Acme Bank (mlops@acme-bank.test) decided first: False positive. Reload to see the current state.",
    );
    await expect(a).toHaveURL(new RegExp(`/transactions/${txnId}$`));
  } finally {
    await first.close();
    await second.close();
  }
});

test("an analyst of another tenant sees none of it and gets 404 on its URLs", async ({ page, request }) => {
  const txnId = await seedFlagged(request, "tenant");
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
