import { expect, test } from "@playwright/test";
import { storageStatePath } from "../support/demo-users";

// Real data from the local SageMaker emulator, as seeded by the launcher.
test.use({ storageState: storageStatePath("ml_engineer") });

test("Endpoints shows the tenant's endpoint, its variants and their traffic shares", async ({ page }) => {
  await page.goto("/endpoints");
  await expect(page.getByText("InService")).toBeVisible();
  const table = page.getByRole("table");
  const rows = table.getByRole("row");
  await expect(rows).toHaveCount(3); // header + production + canary
  await expect(rows.filter({ hasText: "production" })).toContainText(/\d+\.\d%/);
  await expect(rows.filter({ hasText: "canary" })).toContainText(/\d+\.\d%/);
  await expect(page.getByRole("img", { name: /^Traffic split: production \d+\.\d%, canary \d+\.\d%$/ })).toBeVisible();
});

test("Models lists the versions of the tenant's model package group", async ({ page }) => {
  await page.goto("/models");
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.first()).toContainText("Version");
  await expect(rows.nth(1)).toContainText(/^v\d+/);
  expect(await rows.count()).toBeGreaterThan(2);
});
