import { expect, test, type Page } from "@playwright/test";
import type { TestTenantRecord } from "@/test/support/test-tenant";
import { signInWithApi } from "../support/sign-in";
import { createTestTenant, userOf } from "../support/test-tenant";

// Weights, faults and rollbacks change the endpoint: this file's own tenant and endpoint (production
// v2, canary v3, all traffic on production to begin with), never the demo's. The steps build on each other (a
// split, then its manual rollback), so they run in order.
test.describe.configure({ mode: "serial" });

let tenant: TestTenantRecord;

test.beforeAll(async () => {
  tenant = await createTestTenant({ label: "e2e-deploy" });
});

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
const variantsTable = (page: Page) => page.getByRole("table", { name: "Variants" });
const shareOf = (page: Page, variant: string) => variantsTable(page).getByRole("row").filter({ hasText: variant }).getByRole("cell").last();

test.describe("an ML engineer", () => {
  test.beforeEach(async ({ page }) => {
    expect((await signInWithApi(page.request, userOf(tenant, "ml_engineer"))).ok()).toBe(true);
  });

  test("sets the split to 80/20 with a reason, confirming the shares and versions, and sees it applied", async ({ page }) => {
    await page.goto("/endpoints");
    await expect(page.getByRole("heading", { name: tenant.endpointName })).toBeVisible();
    await expect(shareOf(page, "production")).toHaveText("100.0%");

    await page.getByRole("button", { name: "Set traffic split" }).click();
    const dialog = page.getByRole("dialog", { name: `Set the traffic split of ${tenant.endpointName}` });
    await dialog.getByLabel("Weight of production").fill("80");
    await dialog.getByLabel("Weight of canary").fill("20");
    // The reason is required: the dialog refuses to go on without one.
    await dialog.getByRole("button", { name: "Review split" }).click();
    await expect(dialog.getByText("Say why (recorded with the change)")).toBeVisible();
    await dialog.getByLabel(/^Reason/).fill("e2e: canary to 20%");
    await dialog.getByRole("button", { name: "Review split" }).click();

    const preview = dialog.getByRole("table", { name: "Resulting split" });
    await expect(preview.getByRole("row").filter({ hasText: "production" })).toContainText(/v2.*100\.0%.*80\.0%/);
    await expect(preview.getByRole("row").filter({ hasText: "canary" })).toContainText(/v3.*0\.0%.*20\.0%/);
    await shot(page, "weights-confirmation");
    await dialog.getByRole("button", { name: "Apply split" }).click();

    await expect(page.getByRole("status").filter({ hasText: "Split applied: production 80.0%, canary 20.0%." })).toBeVisible({
      timeout: 20_000,
    });
    await expect(shareOf(page, "production")).toHaveText("80.0%");
    await expect(shareOf(page, "canary")).toHaveText("20.0%");
    await shot(page, "weights-applied");
  });

  test("rolls back by hand after a confirmation that shows the diff, and finds the event on the Rollbacks page", async ({ page }) => {
    await page.goto("/endpoints");
    await expect(shareOf(page, "canary")).toHaveText("20.0%");

    await page.getByRole("button", { name: "Roll back" }).click();
    const dialog = page.getByRole("dialog", { name: `Roll back ${tenant.endpointName}?` });
    const diff = dialog.getByRole("table", { name: "What the rollback changes" });
    await expect(diff.getByRole("row").filter({ hasText: "production" })).toContainText(/v2.*v2.*80\.0%.*100\.0%/);
    await expect(diff.getByRole("row").filter({ hasText: "canary" })).toContainText(/v3.*v3.*20\.0%.*0\.0%/);
    await expect(dialog).toContainText("(kept)");
    await shot(page, "rollback-confirmation");
    await dialog.getByLabel(/^Reason/).fill("e2e: manual rollback");
    await dialog.getByRole("button", { name: "Roll back now" }).click();

    await expect(
      page.getByRole("status").filter({ hasText: /^Rolled back: traffic moved \(production 100\.0%, canary 0\.0%\)/ }),
    ).toBeVisible({
      timeout: 20_000,
    });
    await expect(shareOf(page, "canary")).toHaveText("0.0%");
    await shot(page, "rollback-done");

    await page.goto("/rollbacks?trigger=manual");
    const row = page.getByRole("table", { name: "Rollbacks" }).getByRole("row").filter({ hasText: "e2e: manual rollback" });
    await expect(row).toContainText(userOf(tenant, "ml_engineer").email);
    await expect(row).toContainText("Succeeded");
    await row.getByRole("button", { name: "Show diff" }).click();
    await expect(
      page
        .getByRole("table", { name: /before and after$/ })
        .getByRole("row")
        .filter({ hasText: "canary" }),
    ).toContainText(/20\.0%.*0\.0%/);
    await expect(page.getByRole("link", { name: "Endpoint metrics ±30 min around it" })).toHaveAttribute(
      "href",
      /^\/endpoints\?from=.*&to=/,
    );
    await shot(page, "rollbacks-page");
  });
});

test.describe("an analyst", () => {
  test.beforeEach(async ({ page }) => {
    expect((await signInWithApi(page.request, userOf(tenant, "analyst"))).ok()).toBe(true);
  });

  test("sees no controls and gets 403 from every deployment API", async ({ page, baseURL }) => {
    for (const path of ["/endpoints", "/rollbacks"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("button", { name: /Set traffic split|Roll back/ })).toHaveCount(0);
    }
    const name = encodeURIComponent(tenant.endpointName);
    const headers = { origin: baseURL ?? "", "content-type": "application/json" };
    const calls = [
      page.request.put(`/api/endpoints/${name}/weights`, {
        headers,
        data: { weights: { production: 1, canary: 1 }, reason: "x", expectedVersion: 1 },
      }),
      page.request.post(`/api/endpoints/${name}/rollback`, { headers, data: { reason: "x" } }),
      page.request.get(`/api/endpoints/${name}`),
      page.request.get(`/api/endpoints/${name}/metrics`),
      page.request.get("/api/rollbacks"),
    ];
    for (const response of await Promise.all(calls)) {
      expect(response.status(), response.url()).toBe(403);
      expect(await response.json()).toEqual({ error: { code: "forbidden", message: "Your role may not use this resource" } });
    }
  });
});
