import { expect, test } from "@playwright/test";
import { DEMO_TENANT, DEMO_USERS, EXPECTED_NAV } from "../support/demo-users";
import { signInWithForm } from "../support/sign-in";

// Each role signs in from a blank browser, sees its own shell, and signs out again.
for (const user of Object.values(DEMO_USERS)) {
  test(`${user.role} signs in, sees the shell for the role and tenant, and signs out`, async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2F$/);
    await signInWithForm(page, user.email);

    await expect(page).toHaveURL(/\/queue$/);
    await expect(page.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
    await expect(page.getByTestId("tenant-name")).toHaveText(DEMO_TENANT.name);
    await expect(page.getByTestId("user-email")).toHaveText(user.email);
    await expect(page.getByTestId("user-role")).toHaveText(user.roleLabel);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link")).toHaveText(EXPECTED_NAV[user.role]);
    await expect(nav.getByRole("link", { name: "Review queue" })).toHaveAttribute("aria-current", "page");

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin$/);
    await page.goto("/queue");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fqueue$/);
  });
}

test("a wrong password shows an error that does not say which part was wrong", async ({ page }) => {
  await page.goto("/signin");
  await signInWithForm(page, DEMO_USERS.analyst.email, "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "Incorrect e-mail or password." })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);

  await signInWithForm(page, "nobody@acme-bank.test", "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "Incorrect e-mail or password." })).toBeVisible();
});

test("after signing in, the user returns to the page first asked for", async ({ page }) => {
  await page.goto("/endpoints");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fendpoints$/);
  await signInWithForm(page, DEMO_USERS.ml_engineer.email);
  await expect(page).toHaveURL(/\/endpoints$/);
  await expect(page.getByRole("heading", { level: 1, name: "Endpoints" })).toBeVisible();
});
