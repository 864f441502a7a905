import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as score } from "@/app/api/score/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { getQueueItem } from "@/lib/queue/get-queue-item";
import { saveSettings } from "@/lib/settings/save-settings";
import { DEFAULT_TENANT_SETTINGS } from "@/lib/settings/tenant-settings";
import { createTenant } from "@/lib/tenants/create-tenant";
import { clearFaults, scoreRequest, setFault, txnId } from "./score-helpers";

// Faults are injected on globex-pay's endpoint, used here through a tenant of this file's own (its
// settings change below), so acme-bank's tests in other files never see them.
const ENDPOINT = "fraud-globex-pay";
const tenantId = `it-degraded-${Date.now().toString(36)}`;
let apiKey = "";

beforeAll(async () => {
  await createTenant({
    tenantId,
    name: "Degraded IT",
    endpointName: ENDPOINT,
    modelPackageGroupName: "globex-pay-fraud",
    createdAt: new Date().toISOString(),
  });
  apiKey = (await createApiKey({ tenantId, name: "it", createdBy: "it" })).plaintext;
});

afterEach(() => clearFaults(ENDPOINT));

async function post(body: Record<string, unknown>) {
  const response = await score(scoreRequest("/api/score", body, apiKey));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("degraded mode", () => {
  it("answers a down endpoint by rules and fail mode review, 200 and queued", async () => {
    await setFault({ endpointName: ENDPOINT, mode: "down" });
    const id = txnId("down");
    const { status, body } = await post({ txn_id: id, amount: 50, device: "mobile" });
    expect(status).toBe(200);
    expect(body).toMatchObject({ decision: "REVIEW", degraded: true, score: null, model: { endpoint: ENDPOINT, variant: null } });
    expect(await getQueueItem({ tenantId, txnId: id })).toMatchObject({ decision: "REVIEW", degraded: true });
  });

  it("keeps a rule's SUSPICIOUS while the model is down", async () => {
    await setFault({ endpointName: ENDPOINT, mode: "error" });
    const { body } = await post({ txn_id: txnId("rule"), amount: 26_000 });
    expect(body).toMatchObject({ decision: "SUSPICIOUS", degraded: false, rule_hits: [{ rule_id: "large-amount" }] });
  });

  it("degrades only the calls that reach a failing variant", async () => {
    await setFault({ endpointName: ENDPOINT, variantName: "production", mode: "error" });
    // One at a time: concurrent requests would be coalesced into a call or two, and a single call
    // lands on the 10% canary often enough to make this test flaky. Thirty calls miss production
    // with probability 0.1^30.
    const results = [];
    for (let i = 0; i < 30; i++) results.push(await post({ txn_id: txnId(`variant-${i}`), amount: 20 }));
    for (const { status, body } of results) {
      expect(status).toBe(200);
      if (body.degraded) expect(body.model).toMatchObject({ variant: null });
      else expect(body.model).toMatchObject({ variant: "canary" });
    }
    expect(results.some((r) => r.body.degraded)).toBe(true);
  });

  it("degrades a model slower than the tenant's budget, and fail mode allow lets it through", async () => {
    await saveSettings({
      tenantId,
      settings: { ...DEFAULT_TENANT_SETTINGS, failMode: "allow", timeoutBudgetMs: 50 },
      expectedVersion: 0,
      actor: "it",
    });
    await setFault({ endpointName: ENDPOINT, mode: "slow", latencyMs: 500 });
    const id = txnId("slow");
    const { status, body } = await post({ txn_id: id, amount: 50 });
    expect(status).toBe(200);
    expect(body).toMatchObject({ decision: "LEGIT", degraded: true });
    expect(body.latency_ms).toBeLessThan(500);
    expect(await getQueueItem({ tenantId, txnId: id })).toBeNull();
  });
});
