import { expect, test } from "@playwright/test";
import { signInWithForm } from "../support/sign-in";
import { DEMO_PASSWORD } from "../support/demo-users";
import { createTestTenant, userOf } from "../support/test-tenant";

// Settings → Users on a tenant of its own: disabling users never touches the demo's.
test.use({ storageState: { cookies: [], origins: [] } });

test("an admin disables and re-enables a user from Settings → Users, with a reason in the audit log", async ({ page }) => {
  const tenant = await createTestTenant({ label: "users-ui" });
  const analyst = userOf(tenant, "analyst").email;
  await page.goto("/signin");
  await signInWithForm(page, userOf(tenant, "admin").email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/queue$/);

  await page.goto("/settings");
  const users = page.getByRole("table", { name: "Users" });
  await expect(users.getByRole("row").filter({ hasText: userOf(tenant, "admin").email })).toContainText("You");
  const row = users.getByRole("row").filter({ hasText: analyst });
  await expect(row).toContainText("Active");

  await row.getByRole("button", { name: `Disable ${analyst}` }).click();
  const dialog = page.getByRole("dialog", { name: `Disable ${analyst}?` });
  await dialog.getByLabel("Why (optional, recorded in the audit log)").fill("e2e: moved teams");
  await dialog.getByRole("button", { name: "Disable user" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("Disabled");

  await row.getByRole("button", { name: `Enable ${analyst}` }).click();
  await page
    .getByRole("dialog", { name: `Enable ${analyst}?` })
    .getByRole("button", { name: "Enable user" })
    .click();
  await expect(row).toContainText("Active");

  await page.goto("/audit?action=user.");
  await expect(page.getByRole("row").filter({ hasText: "e2e: moved teams" })).toContainText("user.disable");
  await expect(page.getByRole("row").filter({ hasText: "user.enable" })).toContainText(`user:${analyst}`);
});
