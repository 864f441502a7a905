import { expect, test, type APIRequestContext } from "@playwright/test";
import { recordCspViolations } from "../support/csp-violations";
import { storageStatePath } from "../support/demo-users";

/**
 * Every screen works under the nonce-based Content-Security-Policy: each one renders its live data
 * (which needs Next's scripts, React Query's fetches and Recharts) and the browser reports no
 * violation on the way.
 */
interface ListedItem {
  txnId: string;
  degraded: boolean;
  model: unknown;
  /** The top SHAP reason: present once the model's explanation is on the item. */
  topReason: unknown;
}

/**
 * A decided item of the seeded history that the model explained: opening it claims nothing, and
 * it does not depend on a live score answering within the tenant's budget on a busy machine.
 */
async function explainedDecidedItem(request: APIRequestContext): Promise<string> {
  const response = await request.get("/api/queue?status=confirmed_fraud&limit=100");
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: ListedItem[] };
  const item = items.find((i) => !i.degraded && i.model && i.topReason);
  expect(item, "the seeded history has an explained, confirmed item").toBeDefined();
  return item?.txnId ?? "";
}

test("the sign-in page hydrates and reports no CSP violation", async ({ page }) => {
  const violations = await recordCspViolations(page);
  const response = await page.goto("/signin");
  expect(response?.headers()["content-security-policy"]).toContain("'strict-dynamic'");
  // The button is enabled only once React has hydrated the form: scripts ran.
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  expect(await violations()).toEqual([]);
});

test.describe("signed in as an admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("queue, transaction detail with its SHAP waterfall, settings, models and endpoints report no CSP violation", async ({ page }) => {
    // Five screens in one test (one violation log across them): more than the 30 s default on a busy machine.
    test.setTimeout(90_000);
    const txnId = await explainedDecidedItem(page.request);
    const violations = await recordCspViolations(page);

    await page.goto(`/queue?status=confirmed_fraud&q=${txnId}`);
    await expect(page.locator(`tr[data-txn-id="${txnId}"]`)).toBeVisible();

    await page.goto(`/transactions/${txnId}`);
    await expect(page.getByRole("img", { name: /^SHAP waterfall: from a base rate of/ })).toBeVisible();
    // Recharts drew its bars (SVG paths) in the browser.
    await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();

    await page.goto("/settings");
    await expect(page.getByRole("button", { name: "Save settings" })).toBeVisible();
    await expect(page.getByLabel("Review at")).not.toHaveValue("");

    await page.goto("/models");
    await expect(page.getByRole("heading", { level: 1, name: "Models" })).toBeVisible();
    await expect(page.getByText("ROC-AUC").first()).toBeVisible();

    await page.goto("/endpoints");
    await expect(page.getByRole("heading", { level: 1, name: "Endpoints" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Variants" })).toBeVisible();

    expect(await violations()).toEqual([]);
  });

  test("a page framed by another document is refused by the browser", async ({ page }) => {
    const violations = await recordCspViolations(page);
    await page.goto("/queue");
    // An iframe of our own page from our own page: frame-ancestors 'none' refuses even that.
    await page.evaluate(() => {
      const frame = document.createElement("iframe");
      frame.src = "/queue";
      frame.title = "framed console";
      document.body.append(frame);
    });
    await expect
      .poll(async () => (await violations()).some((v) => v.directive === "frame-ancestors" || /frame-ancestors/.test(v.sample)))
      .toBe(true);
  });
});
