import { expect, test, type Locator, type Page } from "@playwright/test";
import { storageStatePath } from "../support/demo-users";

// The demo as seeded: three days of scored history per tenant with analysts' verdicts, published
// to CloudWatch by the seed (infra/local/seed/seed-history.ts). Read only.

async function keepScreenshot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(name), fullPage: true });
  await test.info().attach(name, { path: test.info().outputPath(name), contentType: "image/png" });
}

/**
 * The first figure waits for the page's data: one overview query for every panel, which on a
 * loaded 2-core CI machine (the console, the stack and a second worker) took over the default
 * 10 s once. A bound on the wait, not a claim about speed (bench:metrics measures that).
 */
const DATA_LOADED = { timeout: 30_000 };

/** A panel's headline figure, by its label. */
const figure = (panel: Locator, label: string) =>
  panel
    .locator("div")
    .filter({ has: panel.page().getByText(label, { exact: true }) })
    .locator("dd")
    .first();

function count(text: string): number {
  const match = /^([\d,.]+)\s*([kKmM]?)$/.exec(text.trim());
  if (!match) throw new Error(`not a count: "${text}"`);
  const n = Number(match[1]!.replace(/,/g, ""));
  return match[2]?.toLowerCase() === "k" ? n * 1000 : match[2]?.toLowerCase() === "m" ? n * 1_000_000 : n;
}

test.describe("an ML engineer", () => {
  test.use({ storageState: storageStatePath("ml_engineer") });

  test("sees every panel with real figures, and the range changes them", async ({ page }) => {
    await page.goto("/dashboards?range=7d");
    const traffic = page.getByTestId("panel-traffic");
    await expect(figure(traffic, "Scored")).not.toHaveText("0", DATA_LOADED);
    const week = count(await figure(traffic, "Scored").innerText());
    // Three days of history: thousands of transactions, with declines and step-ups among them.
    expect(week).toBeGreaterThan(1000);
    await expect(figure(traffic, "Decline rate")).toHaveText(/^\d+\.\d+%$/);
    await expect(page.getByRole("img", { name: /^Transactions scored per/ })).toBeVisible();
    await expect(page.getByText(/^Model version 2\. ModelLatency/)).toBeVisible();
    await expect(figure(page.getByTestId("panel-variant-production"), "Invocations")).not.toHaveText("0");
    await expect(figure(page.getByTestId("panel-queue"), "Pending")).toHaveText(/^\d[\d,]*$/);
    await expect(figure(page.getByTestId("panel-analysts"), "Verdicts")).not.toHaveText("0");
    await expect(figure(page.getByTestId("panel-analysts"), "Median time to verdict")).toHaveText(/min|h/);
    await expect(figure(page.getByTestId("panel-quality"), "Precision v2")).toHaveText(/^\d+\.\d+%$/);
    await expect(page.getByTestId("panel-impact-USD")).toContainText("Confirmed fraud declined");
    // The error budget as promotion reads it, and the seeded drift (infra/local/seed/demo-drift.ts).
    await expect(figure(page.getByTestId("panel-budget"), "Budget remaining")).toHaveText(/^-?\d+\.\d+%$/);
    await expect(figure(page.getByTestId("panel-drift"), "Status")).toHaveText("alert");
    await expect(page.getByRole("list", { name: "Top drifting features" }).getByText("Amount", { exact: true })).toBeVisible();
    await keepScreenshot(page, "dashboards-light.png");

    await page.getByRole("button", { name: "Last 15 min" }).click();
    await expect(page).toHaveURL(/range=15m/);
    // The 15 minutes before now hold none of the seeded history's spread-out days: far fewer.
    await expect.poll(async () => count(await figure(traffic, "Scored").innerText())).toBeLessThan(week);
  });

  test("reads in dark mode", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/dashboards?range=24h");
    await expect(figure(page.getByTestId("panel-traffic"), "Scored")).not.toHaveText("0", DATA_LOADED);
    await keepScreenshot(page, "dashboards-dark.png");
  });
});

test.describe("an analyst", () => {
  test.use({ storageState: storageStatePath("analyst") });

  test("sees the Team view and is refused the engineers' panels", async ({ page }) => {
    await page.goto("/dashboards?range=7d");
    await expect(page.getByRole("heading", { name: "Dashboards: Team view" })).toBeVisible();
    await expect(figure(page.getByTestId("panel-analysts"), "Verdicts")).not.toHaveText("0", DATA_LOADED);
    await expect(page.getByTestId("panel-queue")).toBeVisible();
    await expect(page.getByTestId("panel-traffic")).toHaveCount(0);
    const refused = await page.request.get("/api/metrics?range=1h&panels=traffic");
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    const team = await page.request.get("/api/metrics?range=1h");
    expect(team.status()).toBe(200);
    expect(Object.keys(((await team.json()) as { panels: object }).panels).sort()).toEqual(["analysts", "queue"]);
  });
});
