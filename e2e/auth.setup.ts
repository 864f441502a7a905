import { expect, test as setup } from "@playwright/test";
import { DEMO_USERS, storageStatePath } from "./support/demo-users";
import { signInWithForm } from "./support/sign-in";

for (const user of Object.values(DEMO_USERS)) {
  setup(`sign in as ${user.role}`, async ({ page }) => {
    await page.goto("/signin");
    await signInWithForm(page, user.email);
    // The first requests of a freshly started server render cold (two of these run at once): allow
    // them more than the default wait. This bounds a wait; it asserts nothing about time.
    await expect(page).toHaveURL(/\/queue$/, { timeout: 30_000 });
    await expect(page.getByTestId("user-email")).toHaveText(user.email);
    await page.context().storageState({ path: storageStatePath(user.role) });
  });
}
