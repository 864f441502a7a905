import { GetObjectCommand } from "@aws-sdk/client-s3";
import { DescribeModelPackageCommand, DescribeTrainingJobCommand, waitUntilEndpointInService } from "@aws-sdk/client-sagemaker";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { s3Client, sageMakerClient } from "@/lib/aws/clients";
import { getDeployment } from "@/lib/deployments/deployment-record";
import { deploy } from "@/lib/deployments/deploy";
import { decideApproval } from "@/lib/promotion/decide-approval";
import { deployCandidate } from "@/lib/promotion/deploy-candidate";
import { promoteCanary, type BudgetFreeze } from "@/lib/promotion/promote-canary";
import { runTrainingJob } from "@/lib/training/advance-training-job";
import { launchTrainingJob, stopTrainingJob } from "@/lib/training/launch-training-job";
import { parseS3Uri } from "@/lib/training/s3-uri";
import { recordSmallTrainingData, seedVerdicts } from "@/test/support/training-data";
import { createTestTenant, TEST_SETTINGS, type TestTenant } from "./fixtures";

/**
 * Retraining on the local stack (lib/training through the emulator's training jobs): verified
 * verdicts → a SageMaker training job → a registered PendingManualApproval version that goes through
 * lib/promotion's approval, shadow, canary and promotion; an empty window; a stop.
 */
const ACTOR = "it-engineer";
const HOUR = 3_600_000;
const notFrozen: BudgetFreeze = () => Promise.resolve({ frozen: false, frozenSince: null, frozenUntil: null });

async function inService(endpointName: string): Promise<void> {
  await waitUntilEndpointInService(
    { client: sageMakerClient(), maxWaitTime: 120, minDelay: 1, maxDelay: 1 },
    { EndpointName: endpointName },
  );
}

async function s3Text(uri: string): Promise<string> {
  const out = await s3Client().send(new GetObjectCommand(parseS3Uri(uri)));
  return (await out.Body?.transformToString()) ?? "";
}

/** A tenant whose endpoint serves its own registry (so a version it registers can be deployed), production v2. */
async function tenantWithOwnRegistry(label: string): Promise<TestTenant> {
  const tenant = await createTestTenant({
    label,
    registry: {},
    // The flow is under test here, not the model's quality (tiny data): gates that any sane model passes.
    settings: {
      ...TEST_SETTINGS,
      approvalGates: { ...TEST_SETTINGS.approvalGates, minRocAuc: 0.5, maxPrAucDrop: 1, maxRecallAt80PrecisionDrop: 1 },
    },
  });
  const current = await getDeployment({ tenantId: tenant.tenantId, endpointName: tenant.endpointName });
  await deploy({
    tenantId: tenant.tenantId,
    endpointName: tenant.endpointName,
    kind: "update",
    spec: { ...current!.spec, modelPackageGroupName: tenant.modelPackageGroupName },
    actor: ACTOR,
    reason: "serve the tenant's own registry",
  });
  await inService(tenant.endpointName);
  return tenant;
}

describe("a training job from verified verdicts", () => {
  let tenant: TestTenant;
  beforeAll(async () => {
    tenant = await tenantWithOwnRegistry("train");
    await recordSmallTrainingData(tenant.tenantId, 2);
    await seedVerdicts(tenant.tenantId, 60, 30);
  });
  afterAll(() => tenant.dispose());

  it("completes, registers a PendingManualApproval version whose evaluation is what the script printed, and goes through approval, shadow and promotion", async () => {
    const from = new Date(Date.now() - 7 * 24 * HOUR).toISOString();
    const to = new Date().toISOString();
    const started = await launchTrainingJob({ tenantId: tenant.tenantId, actor: ACTOR, request: { from, to } });
    expect(started.parameters).toMatchObject({ production: { version: 2, rows: 800 }, labels: { verified: 60, used: 60, immature: 0 } });
    expect(started.parameters.rows).toEqual({ train: 800 + 36, validation: 300 + 6, test: 18 });
    const job = await runTrainingJob({ tenantId: tenant.tenantId, name: started.name }, { pollMs: 200 });
    expect(job).toMatchObject({ status: "Completed", stage: "done", failureReason: null, registered: { version: 4 } });

    const described = await sageMakerClient().send(new DescribeTrainingJobCommand({ TrainingJobName: started.name }));
    const printed: Record<string, number | undefined> = Object.fromEntries(
      (described.FinalMetricDataList ?? []).map((m) => [m.MetricName ?? "", m.Value]),
    );
    const pkg = await sageMakerClient().send(new DescribeModelPackageCommand({ ModelPackageName: job!.registered!.arn }));
    expect(pkg.ModelApprovalStatus).toBe("PendingManualApproval");
    expect(pkg.InferenceSpecification?.Containers?.[0]?.ModelDataUrl).toBe(described.ModelArtifacts?.S3ModelArtifacts);
    const evaluation = JSON.parse(await s3Text(pkg.ModelMetrics!.ModelQuality!.Statistics!.S3Uri!)) as Record<string, unknown>;
    expect(evaluation).toMatchObject({ dataset: "test", rows: 18, champion: { version: 2, rows: 18 } });
    // The script prints four decimals; SageMaker extracts them (MetricDefinitions) from its output.
    expect(printed["test:roc_auc"]).toBe(Number((evaluation.roc_auc as number).toFixed(4)));
    expect(printed["test:pr_auc"]).toBe(Number((evaluation.pr_auc as number).toFixed(4)));
    expect(job!.logTail.join("\n")).toContain(`ROC-AUC ${(evaluation.roc_auc as number).toFixed(4)}`);
    expect(JSON.parse(await s3Text(pkg.DriftCheckBaselines!.ModelDataQuality!.Statistics!.S3Uri!))).toHaveProperty("features");

    const approved = await decideApproval({
      tenantId: tenant.tenantId,
      version: 4,
      status: "Approved",
      comment: "retrained",
      actor: ACTOR,
    });
    expect(approved.approval.status).toBe("Approved");
    const shadow = await deployCandidate({ tenantId: tenant.tenantId, version: 4, mode: "shadow", actor: ACTOR });
    expect(shadow.spec.shadowVariants?.map((v) => v.modelVersion)).toEqual([4]);
    await inService(tenant.endpointName);
    await deployCandidate({ tenantId: tenant.tenantId, version: 4, mode: "canary", weight: 50, actor: ACTOR });
    await inService(tenant.endpointName);
    for (let i = 0; i < 60; i++)
      expect((await tenant.score({ txn_id: `tr-${tenant.tenantId}-${i}`, amount: 20 + i, device: "mobile" })).status).toBe(200);
    await fetch(`${inject("stackUrls").sagemaker}/_emulator/flush`, { method: "POST" });
    const guardrails = { minCanaryRequests: 10, max5xxRateExcess: 0.005, maxP95LatencyRatio: 1.25, p95LatencySlackMs: 50, windowMs: HOUR };
    const promoted = await promoteCanary(
      { tenantId: tenant.tenantId, variant: "canary", actor: ACTOR, reason: "retrained version healthy" },
      { budgetFreeze: notFrozen, guardrails },
    );
    expect(promoted.spec.variants.map((v) => [v.variantName, v.modelVersion])).toEqual([["production", 4]]);
  });

  it("fails a job whose window holds no matured label, with the reason", async () => {
    const from = new Date(Date.now() - 2 * HOUR).toISOString();
    const started = await launchTrainingJob({ tenantId: tenant.tenantId, actor: ACTOR, request: { from, to: new Date().toISOString() } });
    expect(started.parameters.problem).toMatch(/No verified, matured analyst labels/);
    const job = await runTrainingJob({ tenantId: tenant.tenantId, name: started.name }, { pollMs: 200 });
    expect(job).toMatchObject({
      status: "Failed",
      failureReason: "No verified, matured analyst labels in the window: nothing new to learn from",
    });
  });
});

describe("stopping a training job", () => {
  let tenant: TestTenant;
  beforeAll(async () => {
    // The demo's production training data (128,572 rows): far longer to train than to stop.
    tenant = await createTestTenant({ label: "train-stop", registry: {} });
    await seedVerdicts(tenant.tenantId, 20, 30);
  });
  afterAll(() => tenant.dispose());

  it("ends the script's process and the job is Stopped", async () => {
    const request = {
      from: new Date(Date.now() - 7 * 24 * HOUR).toISOString(),
      to: new Date().toISOString(),
      hyperparameters: { num_round: 2000 },
    };
    const started = await launchTrainingJob({ tenantId: tenant.tenantId, actor: ACTOR, request });
    const logUrl = `${inject("stackUrls").sagemaker}/_emulator/training-jobs/${started.name}/process`;
    // Wait for the event: the script's process has started (its pid is reported).
    let pid: number | null = null;
    while (pid === null) {
      const response = await fetch(logUrl);
      if (response.ok) pid = ((await response.json()) as { pid: number | null }).pid;
      if (pid === null) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await stopTrainingJob({ tenantId: tenant.tenantId, name: started.name, actor: ACTOR });
    const job = await runTrainingJob({ tenantId: tenant.tenantId, name: started.name }, { pollMs: 200 });
    expect(job).toMatchObject({ status: "Stopped", stage: "done", registered: null });
    expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
  });
});
