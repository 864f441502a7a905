import { expect, test as setup } from "@playwright/test";
import { DEMO_USERS, storageStatePath } from "./support/demo-users";
import { signInWithForm } from "./support/sign-in";

for (const user of Object.values(DEMO_USERS)) {
  setup(`sign in as ${user.role}`, async ({ page }) => {
    await page.goto("/signin");
    await signInWithForm(page, user.email);
    // The first sign-in after a fresh start hashes a password and renders a cold server's first
    // page on a shared 2-core machine: seen to take just over the 10 s default.
    await expect(page).toHaveURL(/\/queue$/, { timeout: 30_000 });
    await expect(page.getByTestId("user-email")).toHaveText(user.email);
    await page.context().storageState({ path: storageStatePath(user.role) });
  });
}
