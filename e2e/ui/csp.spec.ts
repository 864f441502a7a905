import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { SUSPICIOUS_DEMO } from "@/lib/features/demo-transactions";
import { recordCspViolations } from "../support/csp-violations";
import { storageStatePath } from "../support/demo-users";

/**
 * Every screen works under the nonce-based Content-Security-Policy: each one renders its live data
 * (which needs Next's scripts, React Query's fetches and Recharts) and the browser reports no
 * violation on the way.
 */
const DEMO_FILE = process.env.E2E_DEMO_FILE ?? ".test-data/e2e/demo.json";

/** SUSPICIOUS_DEMO on acme-bank: v2 (production) says SUSPICIOUS, the v3 canary at least REVIEW; queued either way. */
async function seedFlagged(request: APIRequestContext): Promise<string> {
  const { apiKeys } = JSON.parse(readFileSync(DEMO_FILE, "utf8")) as { apiKeys: Record<string, string> };
  const txnId = `e2e-csp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const response = await request.post("/api/score", {
    headers: { authorization: `Bearer ${apiKeys["acme-bank"]}` },
    data: { ...SUSPICIOUS_DEMO, txn_id: txnId },
  });
  expect(response.status()).toBe(200);
  expect(((await response.json()) as { decision: string }).decision).not.toBe("LEGIT");
  return txnId;
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

  test("queue, transaction detail with its SHAP waterfall, settings, models and endpoints report no CSP violation", async ({
    page,
    request,
  }) => {
    const txnId = await seedFlagged(request);
    const violations = await recordCspViolations(page);

    await page.goto(`/queue?q=${txnId}`);
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
    await expect(page.getByText("Production variants")).toBeVisible();

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
