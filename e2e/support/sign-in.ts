import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD, type DemoUser } from "./demo-users";

/** Signs in through the console's own form, as a person would. */
export async function signInWithForm(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel("Work e-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Signs in through next-auth's standard credentials callback (what scripts and API clients do):
 * fetch the CSRF token (it also sets the CSRF cookie), then post the credentials with it. The
 * request context keeps the session cookie for later calls.
 */
export async function signInWithApi(request: APIRequestContext, user: Pick<DemoUser, "email">, password = DEMO_PASSWORD) {
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.ok()).toBe(true);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: user.email, password, json: "true" },
  });
}
