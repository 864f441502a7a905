import { CreateEndpointCommand, CreateEndpointConfigCommand, waitUntilEndpointInService } from "@aws-sdk/client-sagemaker";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as score } from "@/app/api/score/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { sageMakerClient } from "@/lib/aws/clients";
import { recordVerdict } from "@/lib/feedback/record-verdict";
import { encodeCsvRow, FEATURE_NAMES, toCsvRow, toFeatureVector } from "@/lib/features/schema";
import { transactionSchema } from "@/lib/features/transaction";
import { enqueueTransaction } from "@/lib/queue/enqueue-transaction";
import { pendingExplanation } from "@/lib/queue/explanation";
import { getQueueItem } from "@/lib/queue/get-queue-item";
import { getTransactionDetail } from "@/lib/queue/get-transaction-detail";
import type { QueueItem } from "@/lib/queue/queue-item";
import { recordExplanation } from "@/lib/queue/record-explanation";
import { explanationWorker } from "@/lib/scoring/explain/live-explanations";
import { redriveExplanation, redriveStaleExplanations } from "@/lib/scoring/explain/redrive-explanations";
import { EXPLAIN_NONE, invokeEndpointRows } from "@/lib/scoring/invoke-endpoint";
import { logit } from "@/lib/scoring/parse-invocation";
import { saveSettings } from "@/lib/settings/save-settings";
import { DEFAULT_TENANT_SETTINGS } from "@/lib/settings/tenant-settings";
import { createTenant } from "@/lib/tenants/create-tenant";
import { scoreRequest, txnId } from "./score-helpers";

/**
 * Explanations off the caller's path, on an endpoint and tenants of this file's own. The endpoint's
 * Clarify config makes an explanation cost what AWS's Kernel SHAP would for it: a synthetic dataset
 * of baseline rows × n_samples records scored per explained record (SageMaker developer guide,
 * clarify-online-explainability-create-endpoint-synthetic: n_samples = min(NumberOfSamples,
 * 2^n_features − 2); with 32 baseline rows and 2,048 samples, 65,536 model evaluations), several
 * times the tenants' 100 ms budget. The scoring call asks for no explanation, so the answer does not
 * wait for them; the assertions are on behaviour (not degraded, decided by the model, its variant),
 * never on the clock.
 */
const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const ENDPOINT = `it-explain-${suffix}`;
const BUDGET_MS = 100;
const BASELINE_ROWS = 32;
const NUMBER_OF_SAMPLES = 2_048;

const tenants = { async: `it-explain-async-${suffix}`, sync: `it-explain-sync-${suffix}` };
const keys: Record<keyof typeof tenants, string> = { async: "", sync: "" };

// A rooted phone from an unknown place, far above the customer's usual amount: SUSPICIOUS on acme-bank's v2.
const risky = (id: string) => ({
  txn_id: id,
  amount: 5000,
  geo: "unknown",
  device: "rooted-phone",
  customer_avg_amount_30d: 60,
});

function baseline(): string {
  return Array.from({ length: BASELINE_ROWS }, (_, i) =>
    toCsvRow(transactionSchema.parse({ txn_id: `b${i}`, amount: 20 + i * 7, device: "mobile", country: "US", home_country: "US" })),
  ).join("\n");
}

async function createExplainedEndpoint(): Promise<void> {
  const sm = sageMakerClient();
  await sm.send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: ENDPOINT,
      ProductionVariants: [
        {
          VariantName: "production",
          ModelName: "acme-bank-fraud-v2",
          InitialInstanceCount: 1,
          InstanceType: "ml.m5.large",
          InitialVariantWeight: 1,
        },
      ],
      ExplainerConfig: {
        ClarifyExplainerConfig: {
          EnableExplanations: "`false`",
          InferenceConfig: { FeatureHeaders: [...FEATURE_NAMES] },
          ShapConfig: {
            ShapBaselineConfig: { MimeType: "text/csv", ShapBaseline: baseline() },
            NumberOfSamples: NUMBER_OF_SAMPLES,
            UseLogit: true,
          },
        },
      },
    }),
  );
  await sm.send(new CreateEndpointCommand({ EndpointName: ENDPOINT, EndpointConfigName: ENDPOINT }));
  await waitUntilEndpointInService({ client: sm, maxWaitTime: 60, minDelay: 1, maxDelay: 1 }, { EndpointName: ENDPOINT });
}

async function createTenantWith(tenantId: string, synchronousReasons: boolean): Promise<string> {
  await createTenant({
    tenantId,
    name: tenantId,
    endpointName: ENDPOINT,
    modelPackageGroupName: "acme-bank-fraud",
    createdAt: new Date().toISOString(),
  });
  await saveSettings({
    tenantId,
    settings: { ...DEFAULT_TENANT_SETTINGS, timeoutBudgetMs: BUDGET_MS, synchronousReasons },
    expectedVersion: 0,
    actor: "it",
  });
  return (await createApiKey({ tenantId, name: "it", createdBy: "it" })).plaintext;
}

beforeAll(async () => {
  await createExplainedEndpoint();
  keys.async = await createTenantWith(tenants.async, false);
  keys.sync = await createTenantWith(tenants.sync, true);
  // A LEGIT request per tenant first: the budget is for the model, not for this worker's cold SDK
  // client, first connection and the tenant's first settings and endpoint look-ups.
  for (const key of [keys.async, keys.sync]) await post(key, { txn_id: txnId("warm"), amount: 20, device: "mobile" });
}, 90_000);

async function post(apiKey: string, body: Record<string, unknown>) {
  const response = await score(scoreRequest("/api/score", body, apiKey));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function expectExplained(item: QueueItem | null): void {
  expect(item?.explanation).toMatchObject({ state: "ready", lastError: null });
  expect(item?.attributions?.map((a) => a.feature)).toEqual(FEATURE_NAMES);
  // Clarify gives no base value: logit(score) − Σ attributions, so the waterfall ends at the score.
  const sum = (item?.attributions ?? []).reduce((s, a) => s + a.attribution, 0);
  expect((item?.baseValue ?? Number.NaN) + sum).toBeCloseTo(logit(item?.score ?? 0), 5);
  expect(item?.reasons.length).toBeGreaterThan(0);
}

describe("explanations off the caller's path", () => {
  it("answers a flagged transaction by the model, not degraded, with its explanation pending; the attributions reach the item afterwards", async () => {
    const id = txnId("flagged");
    const { status, body } = await post(keys.async, risky(id));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      decision: "SUSPICIOUS",
      degraded: false,
      model: { endpoint: ENDPOINT, variant: "production", version: "2" },
      reasons: [],
      explanation: "pending",
    });
    expect(body.score).toEqual(expect.any(Number));

    await explanationWorker().idle();
    const item = await getQueueItem({ tenantId: tenants.async, txnId: id, consistent: true });
    expect(item).toMatchObject({ decision: "SUSPICIOUS", degraded: false, model: { variant: "production" }, score: body.score });
    expectExplained(item);
    expect(item?.explanation?.attempts).toBe(1);

    // A retry of the same txn_id now gets the reasons with the original decision.
    const retry = await post(keys.async, risky(id));
    expect(retry.body).toMatchObject({ decision: "SUSPICIOUS", explanation: "ready", score: body.score });
    expect((retry.body.reasons as unknown[]).length).toBeGreaterThan(0);
  });

  it("with synchronous reasons, an explanation that outlasts the budget never degrades the decision and still reaches the item", async () => {
    const id = txnId("sync");
    const { status, body } = await post(keys.sync, risky(id));
    expect(status).toBe(200);
    expect(body).toMatchObject({ decision: "SUSPICIOUS", degraded: false, model: { variant: "production" } });
    await explanationWorker().idle();
    expectExplained(await getQueueItem({ tenantId: tenants.sync, txnId: id, consistent: true }));
  });

  it("never overwrites a verdict, nor the analyst's version, and never writes the attributions twice", async () => {
    const id = txnId("verdict");
    await post(keys.async, risky(id));
    const actor = { id: `analyst@${tenants.async}.test`, name: "Analyst" };
    await recordVerdict({ tenantId: tenants.async, txnId: id, actor, verdict: "fraud", version: 1 });
    await explanationWorker().idle();
    const item = await getQueueItem({ tenantId: tenants.async, txnId: id, consistent: true });
    expect(item).toMatchObject({ status: "confirmed_fraud", version: 2, verdict: { verdict: "fraud", by: actor.id } });
    expectExplained(item);
    const again = await recordExplanation({
      tenantId: tenants.async,
      txnId: id,
      attributions: [{ feature: "amount", attribution: 9 }],
      baseValue: 0,
      reasons: [],
      attempts: 9,
    });
    expect(again).toBe("unchanged");
    expect(await getQueueItem({ tenantId: tenants.async, txnId: id, consistent: true })).toEqual(item);
  });
});

/** An item as a crashed instance leaves it: queued pending, its lease run out, no job anywhere. */
async function abandonedItem(label: string, variant: string): Promise<QueueItem> {
  const txn = transactionSchema.parse(risky(txnId(label)));
  const vector = toFeatureVector(txn);
  const scored = await invokeEndpointRows({
    endpointName: ENDPOINT,
    rows: [encodeCsvRow(vector)],
    explanations: EXPLAIN_NONE,
    timeoutMs: 5_000,
  });
  const { item } = await enqueueTransaction({
    tenantId: tenants.async,
    txnId: txn.txn_id,
    status: "open",
    decision: "SUSPICIOUS",
    score: scored.records[0]?.score ?? null,
    reasons: [],
    attributions: null,
    baseValue: null,
    explanation: pendingExplanation(new Date(Date.now() - 60_000)),
    ruleHits: [],
    features: Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, vector[i] ?? null])),
    transaction: txn,
    model: { endpoint: ENDPOINT, variant, version: "2" },
    degraded: false,
    createdAt: new Date(Date.now() - 60_000).toISOString(),
  });
  return item;
}

describe("re-driving explanations a crash left pending", () => {
  it("finds stale pending items of a tenant and explains each once", async () => {
    const item = await abandonedItem("crashed", "production");
    const first = await redriveStaleExplanations({ tenantId: tenants.async });
    expect(first.submitted).toBeGreaterThanOrEqual(1);
    // Leased: a second sweep (another instance, the detail page) does not ask Clarify again.
    expect(await redriveExplanation({ item })).toBe("taken");
    await explanationWorker().idle();
    expectExplained(await getQueueItem({ tenantId: tenants.async, txnId: item.txnId, consistent: true }));
    expect((await redriveStaleExplanations({ tenantId: tenants.async })).submitted).toBe(0);
  });

  it("re-drives from the transaction detail, and shows a failure with its reason when the variant is gone", async () => {
    const item = await abandonedItem("gone", "retired-canary");
    const detail = await getTransactionDetail(
      { tenantId: tenants.async, txnId: item.txnId },
      { onStaleExplanation: (stale) => redriveExplanation({ item: stale }) },
    );
    expect(detail).toMatchObject({ explanation: "pending", waterfall: null });
    expect(detail.summary).toMatch(/explanation is still being computed/);
    await explanationWorker().idle();
    const after = await getTransactionDetail({ tenantId: tenants.async, txnId: item.txnId });
    expect(after.explanation).toBe("failed");
    // A wrong TargetVariant is a ValidationError: a retry cannot mend it, so one attempt.
    expect(after.item.explanation).toMatchObject({
      state: "failed",
      attempts: 1,
      lastError: expect.stringMatching(/^ValidationError/) as string,
    });
    expect(after.summary).toMatch(/explanation could not be computed \(ValidationError/);
  });
});
