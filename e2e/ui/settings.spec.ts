import { expect, test, type Page } from "@playwright/test";
import type { TestTenantRecord } from "@/test/support/test-tenant";
import { signInWithApi } from "../support/sign-in";
import { createTestTenant, userOf } from "../support/test-tenant";

// Admin screens on a tenant of this file's own (settings, API keys, audit log), never the demo's:
// the queue specs score with the demo's thresholds. The tests share the tenant's one settings item
// (and its version), so they run one after another.
test.describe.configure({ mode: "serial" });

let tenant: TestTenantRecord;

test.beforeAll(async () => {
  tenant = await createTestTenant({ label: "e2e-settings" });
});

test.beforeEach(async ({ page }) => {
  expect((await signInWithApi(page.request, userOf(tenant, "admin"))).ok()).toBe(true);
});

const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

// Scoped to the form: Next's route announcer is an (empty) alert of its own.
const formAlert = (page: Page) => page.getByRole("form", { name: "Scoring settings" }).getByRole("alert");

/** A review threshold next to the current one, still valid (below the suspicious threshold). */
async function nudgedReviewThreshold(page: Page): Promise<string> {
  const current = Number(await page.getByLabel("Review at").inputValue());
  return (current >= 0.3 ? current - 0.01 : current + 0.01).toFixed(2);
}

test("an admin changes a threshold with a reason, sees it saved and in the audit log", async ({ page }) => {
  const reason = unique("e2e threshold");
  await page.goto("/settings");
  const next = await nudgedReviewThreshold(page);
  await page.getByLabel("Review at").fill(next);
  await page.getByLabel("Why (optional, recorded in the audit log)").fill(reason);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Saved · version \d+$/ })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Review at")).toHaveValue(String(Number(next)));

  await page.goto("/audit?action=settings.update");
  const row = page.getByRole("row").filter({ hasText: reason });
  await expect(row).toContainText(userOf(tenant, "admin").email);
  await row.getByRole("button", { name: "Show changes" }).click();
  await expect(page.getByRole("table", { name: "Changes" }).getByRole("row").filter({ hasText: "thresholds.review" })).toContainText(
    String(Number(next)),
  );
});

test("an invalid threshold is refused in the form, naming the field", async ({ page }) => {
  await page.goto("/settings");
  await page.getByLabel("Suspicious at").fill("0.01");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("must be at least the review threshold")).toBeVisible();
  await expect(formAlert(page)).toContainText("Some fields need attention");
});

test("a save over someone else's newer save is refused with a clear conflict", async ({ page }) => {
  await page.goto("/settings");
  const next = await nudgedReviewThreshold(page);
  // Another admin saves in between (same API the form uses).
  const current = (await (await page.request.get("/api/settings")).json()) as { settings: unknown; version: number };
  const other = await page.request.put("/api/settings", {
    headers: { origin: test.info().project.use.baseURL ?? "" }, // page.request sends no Origin of its own
    data: { settings: current.settings, expectedVersion: current.version, reason: unique("e2e concurrent") },
  });
  expect(other.status()).toBe(200);

  await page.getByLabel("Review at").fill(next);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(formAlert(page)).toContainText("Someone else saved these settings");
  await page.getByRole("button", { name: "Load latest settings" }).click();
  await expect(formAlert(page)).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: `Version ${current.version + 1}` })).toBeVisible();
});

test("an admin creates an API key, sees it once, and revokes it", async ({ page }) => {
  const name = unique("e2e key");
  await page.goto("/settings");
  await page.getByLabel("Key name").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();

  const shown = page.getByRole("region", { name: "New API key" });
  await expect(shown).toContainText("it will not be shown again");
  await expect(shown.getByRole("textbox", { name: "New API key" })).toHaveValue(/^fc_live_/);
  await expect(shown.getByRole("button", { name: "Copy" })).toBeVisible();
  await shown.getByRole("button", { name: "Done" }).click();
  await expect(shown).toHaveCount(0);

  const row = page.getByRole("table", { name: "API keys" }).getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Active");
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`Revoke “${name}”?`);
  await dialog.getByRole("button", { name: "Revoke key" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
});
