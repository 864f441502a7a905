import { expect, test } from "@playwright/test";
import { signInWithForm } from "../support/sign-in";
import { DEMO_PASSWORD } from "../support/demo-users";
import { createTestTenant, userOf } from "../support/test-tenant";

// A tenant of its own whose registry is seeded like acme-bank's (v1, v2 Approved, production v2; v3 the
// rushed retrain PendingManualApproval) plus v4, v2's model re-registered level with production:
// approvals here touch no one else's versions.
test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ timeout: 90_000 });

test("an ML engineer is refused v3 with the champion reason, approves a passing version; an analyst sees no actions and gets 403", async ({
  page,
  baseURL,
}) => {
  const tenant = await createTestTenant({ label: "approval-ui", registry: { candidates: [{ artifactVersion: 2, championVersion: 2 }] } });
  const engineer = userOf(tenant, "ml_engineer").email;
  await page.goto("/signin");
  await signInWithForm(page, engineer, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/queue$/);

  await page.goto("/models");
  const row = (version: number) => page.getByRole("row").filter({ has: page.getByRole("cell", { name: new RegExp(`^v${version}(?!\\d)`) }) });
  // v3 passes the seeds' ROC-AUC gate (0.924 ≥ 0.7), yet its approval is blocked with the champion reason.
  await expect(row(3)).toContainText("0.924");
  await expect(row(3).getByRole("button", { name: "Approve v3" })).toBeDisabled();
  await expect(row(3)).toContainText("Behind production v2 on the same held-out split: PR-AUC 0.537 is 0.325 behind production's 0.862");
  // The server refuses it too, whatever the page shows.
  const refused = await page.request.post(`/api/models/3/approval`, {
    headers: { origin: baseURL ?? "" },
    data: { status: "Approved", comment: "ship it anyway" },
  });
  expect(refused.status()).toBe(409);
  expect(((await refused.json()) as { error: { code: string; message: string } }).error).toMatchObject({
    code: "gate_champion",
    message: expect.stringMatching(/^Behind production v2/) as unknown as string,
  });

  await expect(row(2)).toContainText("mlops@acme-bank.test");
  await row(4).getByRole("button", { name: "Approve v4" }).click();
  const dialog = page.getByRole("dialog", { name: "Approve v4?" });
  await dialog.getByLabel("Comment (required, stored with the decision)").fill("e2e: level with v2 on the same split");
  await dialog.getByRole("button", { name: "Approve v4" }).click();
  await expect(dialog).toBeHidden();
  await expect(row(4)).toContainText("Approved");
  await expect(row(4)).toContainText(engineer);
  await expect(row(4)).toContainText("e2e: level with v2 on the same split");
  await expect(page.getByRole("heading", { name: "Error budget" })).toBeVisible();

  await page.context().clearCookies();
  await page.goto("/signin");
  await signInWithForm(page, userOf(tenant, "analyst").email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/queue$/);
  await page.goto("/models");
  await expect(page.getByRole("button", { name: /^(Approve|Reject) v\d/ })).toHaveCount(0);
  const forbidden = await page.request.post(`/api/models/4/approval`, {
    headers: { origin: baseURL ?? "" },
    data: { status: "Rejected", comment: "analysts may not" },
  });
  expect(forbidden.status()).toBe(403);
  expect(((await forbidden.json()) as { error: { code: string } }).error.code).toBe("forbidden");
});
