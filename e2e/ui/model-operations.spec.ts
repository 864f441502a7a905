import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { storageStatePath } from "../support/demo-users";

// Real data from the local SageMaker emulator, as seeded by the launcher.
test.use({ storageState: storageStatePath("ml_engineer") });

test("Endpoints shows the tenant's endpoint, its variants and their traffic shares", async ({ page }) => {
  // Acme Bank's seeded story ends with v2 promoted to 100 % (infra/local/seed/seed-deployments.ts).
  await page.goto("/endpoints");
  await expect(page.getByText("InService").first()).toBeVisible();
  const table = page.getByRole("table", { name: "Variants" });
  const rows = table.getByRole("row");
  await expect(rows).toHaveCount(2); // header + production
  await expect(rows.filter({ hasText: "production" })).toContainText("100.0%");
  await expect(page.getByRole("img", { name: "Traffic split: production 100.0%" })).toBeVisible();
});

test("Models lists the versions of the tenant's model package group", async ({ page }) => {
  await page.goto("/models");
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.first()).toContainText("Version");
  await expect(rows.nth(1)).toContainText(/^v\d+/);
  expect(await rows.count()).toBeGreaterThan(2);
});

test("Models shows each version's evaluation figures from the registry, as training wrote them", async ({ page }) => {
  const evaluation = JSON.parse(await readFile("infra/model/artifacts/acme-bank-fraud/v2/evaluation.json", "utf8")) as {
    roc_auc: number;
    pr_auc: number;
  };
  await page.goto("/models");
  // Each version is anchored as #v<N> (the Endpoints page links there).
  const v2 = page.locator("#v2");
  await expect(v2).toContainText(evaluation.roc_auc.toFixed(3));
  await expect(v2).toContainText(evaluation.pr_auc.toFixed(3));
});
