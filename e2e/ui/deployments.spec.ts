import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import type { DemoFile } from "@/infra/local/launcher/demo-file";
import type { TestTenantRecord } from "@/test/support/test-tenant";
import { signInWithApi } from "../support/sign-in";
import { createTestTenant, DEMO_FILE, userOf } from "../support/test-tenant";

// Weights, faults and rollbacks change the endpoint: this file's own tenants and endpoints (production
// v2, canary v3), never the demo's. The steps of the manual flow build on each other (a split, then
// its manual rollback), so they run in order; the alarm flow has a tenant of its own.
let tenant: TestTenantRecord;

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
const variantsTable = (page: Page) => page.getByRole("table", { name: "Variants" });
const shareOf = (page: Page, variant: string) => variantsTable(page).getByRole("row").filter({ hasText: variant }).getByRole("cell").last();

// Each group first makes its tenant (a tsx process and an endpoint going InService: seconds on a busy
// machine, sometimes more than the suite's default 30 s).
test.describe("an ML engineer", () => {
  test.describe.configure({ mode: "serial", timeout: 60_000 });

  test.beforeAll(async () => {
    tenant = await createTestTenant({ label: "e2e-deploy" });
  });

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
  test.describe.configure({ timeout: 60_000 });
  test.beforeAll(async () => {
    tenant ??= await createTestTenant({ label: "e2e-deploy" });
  });

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

/** A local stand-in for the tenant's Slack incoming webhook: records every message it is sent. */
async function startWebhookReceiver(): Promise<{ url: string; messages: Array<{ text?: string }>; server: Server }> {
  const messages: Array<{ text?: string }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      messages.push(JSON.parse(Buffer.concat(chunks).toString("utf8")) as { text?: string });
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack`, messages, server };
}

test.describe("automatic rollback", () => {
  // Making the tenant (a tsx process, an endpoint going InService), then three breaching 10 s periods,
  // the rollback Lambda and SageMaker's update: more than the suite's default 30 s.
  test.describe.configure({ timeout: 120_000 });
  let alarmTenant: TestTenantRecord;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let sageMakerUrl: string;

  test.beforeAll(async () => {
    // Half the calls on the canary, and the endpoint's 10 s alarms (lib/deployments' definitions).
    // The latency SLO is out of reach, so only the injected fault can roll the canary back.
    alarmTenant = await createTestTenant({
      label: "e2e-alarm",
      endpoint: { weights: { production: 50, canary: 50 } },
      settings: { slo: { availabilityTarget: 0.999, latencyP95Ms: 60_000 } },
      alarms: true,
    });
    receiver = await startWebhookReceiver();
    sageMakerUrl = (JSON.parse(await readFile(DEMO_FILE, "utf8")) as DemoFile).stack.sagemaker;
  });

  test.afterAll(async () => {
    await fetch(`${sageMakerUrl}/_emulator/faults?endpointName=${alarmTenant.endpointName}`, { method: "DELETE" });
    await new Promise((resolve) => receiver.server.close(resolve));
  });

  test("a 5xx fault on the canary fires its alarm: canary 0 %, an alarm event with its diff, one Slack message", async ({
    page,
    request,
  }) => {
    expect((await signInWithApi(page.request, userOf(alarmTenant, "admin"))).ok()).toBe(true);
    const name = alarmTenant.endpointName;

    await page.goto("/settings");
    await page.getByLabel("Slack incoming webhook URL").fill(receiver.url);
    await page.getByRole("button", { name: "Save webhooks" }).click();
    await expect(page.getByText(/^Saved: http:\/\/127\.0\.0\.1:\d+\/…lack$/)).toBeVisible();
    await page.getByRole("heading", { name: "Rollback notifications" }).scrollIntoViewIfNeeded();
    await shot(page, "settings-notifications");

    const fault = await fetch(`${sageMakerUrl}/_emulator/faults`, {
      method: "POST",
      body: JSON.stringify({ endpointName: name, variantName: "canary", mode: "error" }),
    });
    expect(fault.ok).toBe(true);
    // The e2e stack runs without the traffic simulator: score payments until the traffic has moved.
    let isScoring = true;
    const scoring = (async () => {
      for (let i = 0; isScoring; i++) {
        const response = await request.post("/api/score", {
          headers: { authorization: `Bearer ${alarmTenant.apiKey}` },
          data: { txn_id: `e2e-alarm-${Date.now().toString(36)}-${i}`, amount: 42, currency: "USD" },
        });
        // Model trouble is never the payer's 5xx: the canary's failures are answered degraded.
        expect(response.status()).toBe(200);
      }
    })();
    const canaryWeight = async () => {
      const detail = (await (await page.request.get(`/api/endpoints/${encodeURIComponent(name)}`)).json()) as {
        status: string;
        variants: Array<{ variantName: string; currentWeight: number }>;
      };
      return detail.status === "InService" ? detail.variants.find((v) => v.variantName === "canary")?.currentWeight : undefined;
    };
    try {
      await expect.poll(canaryWeight, { timeout: 90_000, intervals: [1_000] }).toBe(0);
    } finally {
      isScoring = false;
      await scoring;
    }

    await page.goto("/endpoints");
    await expect(shareOf(page, "canary")).toHaveText("0.0%");
    await expect(shareOf(page, "production")).toHaveText("100.0%");

    await page.goto("/rollbacks?trigger=alarm");
    const alarmName = `fraud-console/${alarmTenant.tenantId}/${name}/canary-5xx-rate`;
    const row = page.getByRole("table", { name: "Rollbacks" }).getByRole("row").filter({ hasText: alarmName });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Succeeded");
    await row.getByRole("button", { name: "Show diff" }).click();
    const diff = page.getByRole("table", { name: /before and after$/ });
    await expect(diff.getByRole("row").filter({ hasText: "canary" })).toContainText(/v3.*50\.0%.*0\.0%/);
    await expect(diff.getByRole("row").filter({ hasText: "production" })).toContainText(/v2.*50\.0%.*100\.0%/);
    await shot(page, "rollbacks-alarm-event");

    // The one message, sent by the rollback Lambda once the traffic moved; the event records its delivery.
    const { items } = (await (await page.request.get("/api/rollbacks?trigger=alarm")).json()) as {
      items: Array<{ id: string; notification: { state: string } | null }>;
    };
    expect(items).toHaveLength(1);
    await expect
      .poll(async () => {
        const { event } = (await (await page.request.get(`/api/rollbacks/${items[0]!.id}`)).json()) as {
          event: { notification: { state: string } | null };
        };
        return event.notification?.state;
      })
      .toBe("sent");
    expect(receiver.messages).toHaveLength(1);
    expect(receiver.messages[0]?.text).toContain(`Rollback triggered for ${name} · Rollback ID ${items[0]!.id}`);
    expect(receiver.messages[0]?.text).toContain("Canary disabled, Prod 100%.");
  });
});
