import { expect, test, type Page } from "@playwright/test";
import { DEFAULT_DEMO_PASSWORD } from "@/lib/auth/demo-accounts";
import { DEMO_PASSWORD, DEMO_USERS } from "../support/demo-users";

/** The sign-in page: credentials never in a URL, and the local demo's account picker. */

/** Every URL the page requests or navigates to, from the first request on. */
function recordUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  page.on("framenavigated", (frame) => urls.push(frame.url()));
  return urls;
}

const PASSWORD_PARAM = encodeURIComponent(DEMO_PASSWORD);

test("before hydration (no JavaScript at all) the form cannot be submitted, so the password never reaches a URL", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    const urls = recordUrls(page);
    await page.goto("/signin?callbackUrl=%2Fqueue");
    await page.getByLabel("Work e-mail").fill(DEMO_USERS.analyst.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeDisabled();
    await expect(page.locator("form")).toHaveAttribute("method", "post");
    await page.getByLabel("Password").press("Enter");
    await page.getByLabel("Work e-mail").press("Enter");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fqueue$/);
    expect(urls.filter((url) => url.includes(DEMO_PASSWORD) || url.includes(PASSWORD_PARAM))).toEqual([]);
    expect(urls.filter((url) => url.includes("password="))).toEqual([]);
  } finally {
    await context.close();
  }
});

test("after hydration the credentials go in a POST body and no URL ever holds them", async ({ page }) => {
  const urls = recordUrls(page);
  const posts: { url: string; body: string }[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push({ url: request.url(), body: request.postData() ?? "" });
  });
  await page.goto("/signin");
  await page.getByLabel("Work e-mail").fill(DEMO_USERS.analyst.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByLabel("Password").press("Enter");
  await expect(page).toHaveURL(/\/queue$/);

  const callback = posts.find((p) => p.url.endsWith("/api/auth/callback/credentials"));
  expect(callback?.body).toContain(`password=${PASSWORD_PARAM}`);
  expect(urls.filter((url) => url.includes(DEMO_PASSWORD) || url.includes(PASSWORD_PARAM))).toEqual([]);
});

test("the demo offers its seeded accounts (only on the default password): one picked from the list signs in", async ({ page }) => {
  await page.goto("/signin");
  const picker = page.getByRole("region", { name: "Use a demo account" });
  if (DEMO_PASSWORD !== DEFAULT_DEMO_PASSWORD) {
    // The launcher was given a password of someone's choosing: the page must not advertise accounts.
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    await expect(picker).toHaveCount(0);
    return;
  }
  await expect(picker).toContainText(`every account's password is ${DEMO_PASSWORD}`);
  await expect(picker.getByRole("button")).toHaveCount(6);

  await picker.getByRole("button", { name: `Use ${DEMO_USERS.ml_engineer.email} (ML engineer, Acme Bank)` }).click();
  await expect(page.getByLabel("Work e-mail")).toHaveValue(DEMO_USERS.ml_engineer.email);
  await expect(page.getByLabel("Password")).toHaveValue(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/queue$/);
  await expect(page.getByTestId("user-email")).toHaveText(DEMO_USERS.ml_engineer.email);
  await expect(page.getByTestId("user-role")).toHaveText(DEMO_USERS.ml_engineer.roleLabel);
});
