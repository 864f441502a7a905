import { expect, test, type Page } from "@playwright/test";
import { storageStatePath } from "../support/demo-users";

// The demo as seeded: five days of acme-bank's data capture with drift emerging over the last three
// (amount growth, card-present spending moving online, new devices; infra/local/seed/demo-drift.ts)
// and the drift runs the schedule would have recorded over them. Read only.
test.use({ storageState: storageStatePath("ml_engineer") });

const row = (page: Page, label: string) =>
  page
    .getByRole("table")
    .first()
    .getByRole("row")
    .filter({ has: page.getByRole("button", { name: label, exact: true }) });

async function keepScreenshot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(name), fullPage: true });
  await test.info().attach(name, { path: test.info().outputPath(name), contentType: "image/png" });
}

test("Drift shows the seeded drift on the drifted features only, and recommends retraining", async ({ page }) => {
  await page.goto("/drift");
  await expect(page.getByRole("heading", { name: /^Latest run/ })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Retraining recommended" })).toBeVisible();
  await expect(row(page, "Amount")).toContainText("alert");
  for (const stable of ["Transactions in the last hour", "Transactions in the last 24 hours", "Account age"]) {
    await expect(row(page, stable)).toContainText("ok");
  }
  await expect(page.getByRole("img", { name: /^Drift versus importance per feature/ })).toBeVisible();

  await row(page, "Amount").getByRole("button", { name: "Amount", exact: true }).click();
  await expect(page.getByRole("img", { name: /^Amount: PSI over \d+ runs/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Amount: share of records per bin/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Run history" })).toBeVisible();
  await keepScreenshot(page, "drift-light.png");

  await page.emulateMedia({ colorScheme: "dark" });
  await keepScreenshot(page, "drift-dark.png");
});
