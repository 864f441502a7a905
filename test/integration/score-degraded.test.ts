import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getQueueItem } from "@/lib/queue/get-queue-item";
import { saveSettings } from "@/lib/settings/save-settings";
import { createTestTenant, TEST_SETTINGS, type TestTenant } from "./fixtures";
import { txnId } from "./score-helpers";

// Faults go on this file's own endpoint (production takes every call, the canary none), so no other
// test can see them and which variant a call reaches is known.
let tenant: TestTenant;

beforeAll(async () => {
  tenant = await createTestTenant({ label: "degraded" });
});
afterEach(() => tenant.clearFaults());
afterAll(() => tenant.dispose());

describe("degraded mode", () => {
  it("answers a down endpoint by rules and fail mode review, 200 and queued", async () => {
    await tenant.setFault({ mode: "down" });
    const id = txnId("down");
    const { status, body } = await tenant.score({ txn_id: id, amount: 50, device: "mobile" });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      decision: "REVIEW",
      degraded: true,
      score: null,
      model: { endpoint: tenant.endpointName, variant: null },
    });
    expect(await getQueueItem({ tenantId: tenant.tenantId, txnId: id })).toMatchObject({ decision: "REVIEW", degraded: true });
  });

  it("keeps a rule's SUSPICIOUS while the model is down", async () => {
    await tenant.setFault({ mode: "error" });
    const { body } = await tenant.score({ txn_id: txnId("rule"), amount: 26_000 });
    expect(body).toMatchObject({ decision: "SUSPICIOUS", degraded: false, rule_hits: [{ rule_id: "large-amount" }] });
  });

  it("degrades only the calls that reach a failing variant", async () => {
    // The canary has weight 0: a fault there is never reached.
    await tenant.setFault({ variantName: "canary", mode: "error" });
    const spared = await tenant.score({ txn_id: txnId("canary-fault"), amount: 20 });
    expect(spared).toMatchObject({ status: 200, body: { decision: "LEGIT", degraded: false, model: { variant: "production" } } });

    await tenant.clearFaults();
    await tenant.setFault({ variantName: "production", mode: "error" });
    const hit = await tenant.score({ txn_id: txnId("production-fault"), amount: 20 });
    expect(hit).toMatchObject({ status: 200, body: { decision: "REVIEW", degraded: true, model: { variant: null } } });
  });

  it("degrades a model slower than the tenant's budget, and fail mode allow lets it through", async () => {
    await saveSettings({
      tenantId: tenant.tenantId,
      settings: { ...TEST_SETTINGS, failMode: "allow", timeoutBudgetMs: 50 },
      expectedVersion: tenant.settingsVersion,
      actor: "it",
    });
    // Ten times the budget: the answer comes after the deadline, however busy the machine.
    await tenant.setFault({ mode: "slow", latencyMs: 500 });
    const id = txnId("slow");
    const { status, body } = await tenant.score({ txn_id: id, amount: 50 });
    expect(status).toBe(200);
    expect(body).toMatchObject({ decision: "LEGIT", degraded: true, score: null, model: { variant: null } });
    expect(await getQueueItem({ tenantId: tenant.tenantId, txnId: id })).toBeNull();
  });
});
