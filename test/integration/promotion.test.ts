import { PutMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { waitUntilEndpointInService } from "@aws-sdk/client-sagemaker";
import { DescribeEndpointCommand } from "@aws-sdk/client-sagemaker";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cloudWatchClient, sageMakerClient } from "@/lib/aws/clients";
import { env } from "@/lib/env";
import { getErrorBudget } from "@/lib/error-budget/get-error-budget";
import { checkPromotion } from "@/lib/promotion/check-promotion";
import { getDeployment } from "@/lib/deployments/deployment-record";
import { planRollback } from "@/lib/deployments/plan-rollback";
import { recordVerdict } from "@/lib/feedback/record-verdict";
import { isSageMakerMissing } from "@/lib/aws/missing";
import { getBacktest, requestCancel, startBacktest } from "@/lib/promotion/backtest/backtest-store";
import { captureReader } from "@/lib/promotion/backtest/capture-reader";
import { runBacktest } from "@/lib/promotion/backtest/run-backtest";
import { scoringEndpointName } from "@/lib/promotion/backtest/scoring-endpoint";
import { deployCandidate } from "@/lib/promotion/deploy-candidate";
import { promoteCanary, type BudgetFreeze } from "@/lib/promotion/promote-canary";
import { getShadowComparison } from "@/lib/promotion/shadow-window";
import { listModelVersions } from "@/lib/models/list-model-versions";
import { createTestTenant, type TestTenant } from "./fixtures";
import { txnId } from "./score-helpers";

const ACTOR = "it-engineer";
const notFrozen: BudgetFreeze = () => Promise.resolve({ frozen: false, frozenSince: null, frozenUntil: null });

async function flushEmulator(): Promise<void> {
  const response = await fetch(`${inject("stackUrls").sagemaker}/_emulator/flush`, { method: "POST" });
  if (!response.ok) throw new Error(`flush failed: ${response.status}`);
}

async function inService(endpointName: string): Promise<void> {
  await waitUntilEndpointInService(
    { client: sageMakerClient(), maxWaitTime: 120, minDelay: 1, maxDelay: 1 },
    { EndpointName: endpointName },
  );
}

/** A deterministic mix of ordinary and risky payments, some flagged by the model. */
function transaction(label: string, i: number) {
  const risky = i % 5 === 0;
  return {
    txn_id: txnId(`${label}${i}`),
    amount: risky ? 3000 + (i % 7) * 250 : 15 + ((i * 37) % 400),
    device: risky ? "rooted-phone" : i % 2 === 0 ? "mobile" : "desktop",
    ...(risky ? { geo: "unknown" } : {}),
  };
}

async function scoreMany(tenant: TestTenant, label: string, n: number) {
  const answers = [];
  for (let i = 0; i < n; i++) {
    const { status, body } = await tenant.score(transaction(label, i));
    expect(status).toBe(200);
    answers.push(body);
  }
  return answers;
}

async function failure(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error("expected a refusal");
}

describe("shadow deployment", () => {
  let tenant: TestTenant;
  beforeAll(async () => {
    tenant = await createTestTenant({ label: "shadow" });
  });
  afterAll(() => tenant.dispose());

  it("captures the shadow's answers and never returns them; the comparison joins them with production's", async () => {
    const from = new Date(Date.now() - 1000).toISOString();
    const record = await deployCandidate({ tenantId: tenant.tenantId, version: 1, mode: "shadow", actor: ACTOR });
    expect(record).toMatchObject({ kind: "shadow", spec: { shadowVariants: [{ variantName: "shadow", modelVersion: 1 }] } });
    await inService(tenant.endpointName);
    const described = await sageMakerClient().send(new DescribeEndpointCommand({ EndpointName: tenant.endpointName }));
    expect(described.ShadowProductionVariants?.map((v) => v.VariantName)).toEqual(["shadow"]);

    const answers = await scoreMany(tenant, "sh", 40);
    for (const answer of answers) expect(answer.model).toMatchObject({ variant: "production", version: "2" });
    await flushEmulator();

    const view = await getShadowComparison({ tenantId: tenant.tenantId, version: 1, from, to: new Date(Date.now() + 1000).toISOString() });
    expect(view).toMatchObject({ productionVariant: "production", productionVersion: 2 });
    expect(view.comparison.transactions).toBe(40);
    expect(view.comparison.unmatched).toEqual({ production: 0, candidate: 0 });
    // v1 and v2 are different models: their scores differ but go the same way.
    expect(view.comparison.scoreCorrelation).toBeGreaterThan(0.5);
    // What callers got is production's answer: the mean of the served scores is production's
    // captured mean, and the shadow's (v1's) differs.
    const served = answers.map((a) => a.score as number);
    const servedMean = served.reduce((x, y) => x + y, 0) / served.length;
    expect(view.comparison.meanScore.production).toBeCloseTo(servedMean, 6);
    expect(view.comparison.meanScore.candidate).not.toBeCloseTo(servedMean, 6);
  });

  it("refuses a version that is not approved, and a shadow beside a live canary", async () => {
    const versions = await listModelVersions({ tenantId: tenant.tenantId });
    const unapproved = versions.find((v) => v.approvalStatus !== "Approved");
    if (unapproved) {
      expect(
        await failure(deployCandidate({ tenantId: tenant.tenantId, version: unapproved.version, mode: "canary", actor: ACTOR })),
      ).toMatchObject({
        code: "model_not_approved",
      });
    }
    expect(await failure(deployCandidate({ tenantId: tenant.tenantId, version: 99, mode: "shadow", actor: ACTOR }))).toMatchObject({
      code: "not_found",
    });
  });
});

describe("backtest", () => {
  let tenant: TestTenant;
  beforeAll(async () => {
    tenant = await createTestTenant({ label: "backtest" });
  });
  afterAll(() => tenant.dispose());

  it("replays production's own version over a window and reproduces every decision production made", async () => {
    const from = new Date(Date.now() - 1000).toISOString();
    const answers = await scoreMany(tenant, "bt", 120);
    const flagged = answers.filter((a) => a.decision !== "LEGIT" && a.score !== null);
    expect(flagged.length).toBeGreaterThan(2);
    await recordVerdict({
      tenantId: tenant.tenantId,
      txnId: flagged[0]!.txn_id as string,
      actor: { id: ACTOR, name: "IT" },
      verdict: "fraud",
      version: 1,
    });
    await recordVerdict({
      tenantId: tenant.tenantId,
      txnId: flagged[1]!.txn_id as string,
      actor: { id: ACTOR, name: "IT" },
      verdict: "legit",
      version: 1,
    });
    await flushEmulator();
    const to = new Date(Date.now() + 1000).toISOString();

    const production = (await listModelVersions({ tenantId: tenant.tenantId })).find((v) => v.version === 2)!;
    const backtest = await startBacktest({
      tenantId: tenant.tenantId,
      version: 2,
      endpointName: tenant.endpointName,
      from,
      to,
      actor: ACTOR,
    });
    await runBacktest(backtest, production.arn, { capture: captureReader({ tenantId: tenant.tenantId }) });

    const done = await getBacktest({ tenantId: tenant.tenantId, id: backtest.id });
    expect(done).toMatchObject({ status: "succeeded", error: null, progress: { fraction: 1, rowsScored: 120, unreadableLines: 0 } });
    const c = done.comparison!;
    expect(c.transactions).toBe(120);
    expect(c.changed).toBe(0);
    expect(c.scoreCorrelation).toBeCloseTo(1, 9);
    const served = { LEGIT: 0, REVIEW: 0, SUSPICIOUS: 0 };
    for (const a of answers) served[a.decision as keyof typeof served] += 1;
    expect([c.matrix.LEGIT.LEGIT, c.matrix.REVIEW.REVIEW, c.matrix.SUSPICIOUS.SUSPICIOUS]).toEqual([
      served.LEGIT,
      served.REVIEW,
      served.SUSPICIOUS,
    ]);
    expect(c.verdicts).toMatchObject({
      labelled: 2,
      fraud: 1,
      missingForProductionFlags: flagged.length - 2,
      missingForCandidateOnlyFlags: 0,
    });
    expect(c.verdicts.production).toEqual(c.verdicts.candidate);
    // The temporary scoring endpoint is deleted (Deleting for a moment, then gone).
    const status = await sageMakerClient()
      .send(new DescribeEndpointCommand({ EndpointName: scoringEndpointName(tenant.tenantId, backtest.id) }))
      .then(
        (out) => out.EndpointStatus,
        (error: unknown) => (isSageMakerMissing(error) ? "gone" : "error"),
      );
    expect(["Deleting", "gone"]).toContain(status);
  });

  it("runs one at a time per tenant, and a cancelled run ends cancelled and frees the lock", async () => {
    const window = { from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date().toISOString() };
    const first = await startBacktest({
      tenantId: tenant.tenantId,
      version: 1,
      endpointName: tenant.endpointName,
      ...window,
      actor: ACTOR,
    });
    expect(
      await failure(startBacktest({ tenantId: tenant.tenantId, version: 1, endpointName: tenant.endpointName, ...window, actor: ACTOR })),
    ).toMatchObject({ code: "backtest_running", details: { id: first.id } });
    await requestCancel({ tenantId: tenant.tenantId, id: first.id });
    const version1 = (await listModelVersions({ tenantId: tenant.tenantId })).find((v) => v.version === 1)!;
    await runBacktest(first, version1.arn, { capture: captureReader({ tenantId: tenant.tenantId }) });
    expect(await getBacktest({ tenantId: tenant.tenantId, id: first.id })).toMatchObject({ status: "cancelled" });
    const next = await startBacktest({ tenantId: tenant.tenantId, version: 1, endpointName: tenant.endpointName, ...window, actor: ACTOR });
    await requestCancel({ tenantId: tenant.tenantId, id: next.id });
    await runBacktest(next, version1.arn, { capture: captureReader({ tenantId: tenant.tenantId }) });
    expect(await failure(getBacktest({ tenantId: "someone-else", id: next.id }))).toMatchObject({ code: "not_found" });
  });
});

describe("canary and promotion", () => {
  let tenant: TestTenant;
  beforeAll(async () => {
    tenant = await createTestTenant({ label: "promote" });
  });
  afterAll(() => tenant.dispose());

  const guardrails = {
    minCanaryRequests: 20,
    max5xxRateExcess: 0.005,
    maxP95LatencyRatio: 1.25,
    p95LatencySlackMs: 50,
    windowMs: 3_600_000,
  };

  it("deploys a canary, refuses to promote it until it has served enough, while frozen or unhealthy, then promotes it", async () => {
    const canary = await deployCandidate({ tenantId: tenant.tenantId, version: 1, mode: "canary", weight: 50, actor: ACTOR });
    expect(canary.spec.variants.map((v) => [v.variantName, v.modelVersion, v.weight])).toEqual([
      ["production", 2, 50],
      ["canary", 1, 50],
    ]);
    await inService(tenant.endpointName);
    const promote = (budgetFreeze: BudgetFreeze = notFrozen) =>
      promoteCanary({ tenantId: tenant.tenantId, variant: "canary", actor: ACTOR, reason: "canary healthy" }, { budgetFreeze, guardrails });
    expect(await failure(promote())).toMatchObject({ code: "canary_too_few_requests" });

    await tenant.setFault({ variantName: "canary", mode: "error", errorRate: 1 });
    await scoreMany(tenant, "bad", 60);
    await tenant.clearFaults();
    await flushEmulator();
    expect(await failure(promote())).toMatchObject({ code: "canary_unhealthy" });
  });

  it("refuses with budget_frozen while the tenant's own error budget is frozen, before the canary's health", async () => {
    // Two days ago 1,000 of 100,000 requests were degraded: 1,000 bad against the 100 the SLO
    // allows, far over 30% burned within 7 days, so lib/error-budget freezes promotions.
    const Dimensions = [{ Name: "TenantId", Value: tenant.tenantId }];
    const Timestamp = new Date(Date.now() - 2 * 86_400_000);
    await cloudWatchClient().send(
      new PutMetricDataCommand({
        Namespace: env().METRICS_NAMESPACE,
        MetricData: [
          { MetricName: "Errors", Dimensions, Timestamp, Values: [0], Counts: [100_000], Unit: "Count" },
          { MetricName: "Degraded", Dimensions, Timestamp, Values: [0, 1], Counts: [99_000, 1_000], Unit: "Count" },
        ],
      }),
    );
    const budgetFreeze: BudgetFreeze = (input) => getErrorBudget(input);
    const refusal = await failure(
      promoteCanary({ tenantId: tenant.tenantId, variant: "canary", actor: ACTOR, reason: "ship it" }, { budgetFreeze, guardrails }),
    );
    expect(refusal).toMatchObject({ code: "budget_frozen", details: { frozen: true } });
    // The Models page's check lists every blocker, the freeze first (the POST's answer).
    const { check } = await checkPromotion({ tenantId: tenant.tenantId, variant: "canary" }, { budgetFreeze, guardrails });
    expect(check.blockers.map((b) => b.code)).toEqual(["budget_frozen", "canary_unhealthy"]);
    expect(check).toMatchObject({ allowed: false, canaryVersion: 1, productionVersion: 2, freeze: { frozen: true } });
    expect((await getDeployment({ tenantId: tenant.tenantId, endpointName: tenant.endpointName }))?.kind).toBe("canary");
  });

  it("promotes a healthy canary to 100%, keeping the previous config for the rollback", async () => {
    const healthy = await createTestTenant({ label: "promote-ok" });
    try {
      await deployCandidate({ tenantId: healthy.tenantId, version: 1, mode: "canary", weight: 50, actor: ACTOR });
      await inService(healthy.endpointName);
      await scoreMany(healthy, "ok", 80);
      await flushEmulator();
      const frozen: BudgetFreeze = () =>
        Promise.resolve({ frozen: true, frozenSince: "2026-12-01T00:00:00.000Z", frozenUntil: "2026-12-05T00:00:00.000Z" });
      const promote = (budgetFreeze: BudgetFreeze) =>
        promoteCanary(
          { tenantId: healthy.tenantId, variant: "canary", actor: ACTOR, reason: "canary healthy" },
          { budgetFreeze, guardrails },
        );
      expect(await failure(promote(frozen))).toMatchObject({ code: "budget_frozen", details: { frozenUntil: "2026-12-05T00:00:00.000Z" } });

      const before = await getDeployment({ tenantId: healthy.tenantId, endpointName: healthy.endpointName });
      const promoted = await promote(notFrozen);
      expect(promoted).toMatchObject({ kind: "promotion", previous: { endpointConfigName: before!.endpointConfigName } });
      expect(promoted.spec.variants.map((v) => [v.variantName, v.modelVersion, v.weight])).toEqual([["production", 1, 1]]);
      await inService(healthy.endpointName);
      const { body } = await healthy.score(transaction("after", 1));
      expect(body.model).toMatchObject({ variant: "production", version: "1" });
      // The rollback of a promotion restores the canary's config: production serves v2 again.
      const plan = planRollback((await getDeployment({ tenantId: healthy.tenantId, endpointName: healthy.endpointName }))!);
      expect(plan).toMatchObject({ kind: "restore_config", endpointConfigName: before!.endpointConfigName });
      if (plan.kind === "restore_config") expect(plan.after.variants.find((v) => v.role === "production")?.modelVersion).toBe(2);
    } finally {
      await healthy.dispose();
    }
  });
});
