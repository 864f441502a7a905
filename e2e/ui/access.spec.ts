import { expect, test } from "@playwright/test";
import { EXPECTED_NAV, storageStatePath } from "../support/demo-users";

test.describe("an analyst", () => {
  test.use({ storageState: storageStatePath("analyst") });

  for (const path of ["/endpoints", "/models", "/settings"]) {
    test(`is refused ${path} with the 403 page`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "Your role cannot open this page" })).toBeVisible();
      // The shell stays, still without the refused page in the menu.
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(EXPECTED_NAV.analyst);
    });
  }

  test("gets 403 JSON from an ML-engineer API", async ({ page }) => {
    const response = await page.request.get("/api/endpoints");
    expect(response.status()).toBe(403);
    expect(await response.json()).toEqual({ error: { code: "forbidden", message: "Your role may not use this resource" } });
  });
});

test.describe("an ML engineer", () => {
  test.use({ storageState: storageStatePath("ml_engineer") });

  test("is refused the admin-only settings and audit log", async ({ page }) => {
    for (const path of ["/settings", "/audit"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "Your role cannot open this page" })).toBeVisible();
    }
  });
});

test.describe("an admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("opens every screen of the menu", async ({ page }) => {
    // Nine server-rendered pages in one test, beside another worker's: the default 30 s budget is
    // for one page's story. This bounds the wait; it asserts nothing about time.
    test.slow();
    await page.goto("/queue");
    const links = page.getByRole("navigation", { name: "Main" }).getByRole("link");
    const labels = await links.allTextContents();
    for (const label of labels) {
      await links.filter({ hasText: label }).click();
      await expect(page.getByRole("heading", { level: 1, name: label })).toBeVisible();
    }
  });
});

test.describe("a signed-out visitor", () => {
  test("is sent to sign-in from a page", async ({ page }) => {
    await page.goto("/models");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fmodels$/);
    await expect(page.getByRole("heading", { name: "Sign in to your workspace" })).toBeVisible();
  });
});
