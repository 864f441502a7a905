import { CreateEndpointConfigCommand } from "@aws-sdk/client-sagemaker";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient, sageMakerClient } from "@/lib/aws/clients";
import { endpointAlarmName } from "@/lib/deployments/alarm-definitions";
import { buildEndpointConfigInput, endpointConfigNameFor } from "@/lib/deployments/build-endpoint-config";
import { deploy } from "@/lib/deployments/deploy";
import { getDeployment, itemOf, putHistoryEntry, type DeploymentKind, type DeploymentRecord } from "@/lib/deployments/deployment-record";
import { parseDeploymentSpec, type DeploymentSpec, type DeploymentSpecInput } from "@/lib/deployments/deployment-spec";
import { ensureModel } from "@/lib/deployments/ensure-model";
import { putRollbackEvent, trafficStateOf, type RollbackEvent } from "@/lib/deployments/rollback-event";
import { env } from "@/lib/env";
import { rollbackText } from "@/lib/notifications/messages";
import type { DemoTenant } from "./demo-tenants";
import { endpointExists, variantEndpointSpec } from "./seed-models";

/**
 * The seeded deployment story (brief, "Contracts"), consistent with the registry's (registry-story.ts):
 * - acme-bank: v1 production from 2026-09-15; v2 canary 10% on 2026-10-20 on an under-sized
 *   instance → the latency alarm rolled it back on 2026-10-21 (answer latency p95 over the SLO) →
 *   v2 canary again, on ml.m5.large, on 2026-10-24 → promoted to 100% on 2026-10-28. Now: v2 100%,
 *   no canary (a rollback would restore the 2026-10-24 config).
 * - globex-pay: v1 production from 2026-09-15; v2 canary 10% on 2026-11-09 → the 5xx alarm rolled it
 *   back on 2026-11-10 → v2 canary again on 2026-11-25. Now: v1 90% / v2 10%.
 * The endpoint really runs the last step (deploy()), the step before it exists as an endpoint config
 * (so a rollback after acme's promotion can restore it), and the history and the one past rollback
 * event per tenant are written backdated.
 */
interface Step {
  at: string;
  kind: DeploymentKind;
  production: number;
  canary?: { version: number; weight: number; instanceType?: string };
  actor: string;
  reason: string;
  /** For kind = rollback: the alarm that triggered it. */
  alarm?: string;
}

const STORIES: Record<string, Step[]> = {
  "acme-bank": [
    {
      at: "2026-09-15T09:00:00.000Z",
      kind: "initial",
      production: 1,
      actor: "mlops@acme-bank.test",
      reason: "First production model (v1 approved 2026-09-02)",
    },
    {
      at: "2026-10-20T10:00:00.000Z",
      kind: "canary",
      production: 1,
      canary: { version: 2, weight: 10, instanceType: "ml.t2.medium" },
      actor: "mlops@acme-bank.test",
      reason: "v2 canary at 10% (approved 2026-10-19)",
    },
    {
      at: "2026-10-21T03:12:00.000Z",
      kind: "rollback",
      production: 1,
      canary: { version: 2, weight: 0, instanceType: "ml.t2.medium" },
      // Named and attributed as the rollback Lambda names them (lib/deployments/rollback-handler.ts).
      actor: `alarm:${endpointAlarmName("acme-bank", "fraud-acme-bank", "canary-latency-p95")}`,
      alarm: endpointAlarmName("acme-bank", "fraud-acme-bank", "canary-latency-p95"),
      reason:
        "Canary answer latency (VariantLatency) p95 above the 200 ms SLO in 3 of 3 periods: the canary ran on an under-sized ml.t2.medium",
    },
    {
      at: "2026-10-24T09:30:00.000Z",
      kind: "canary",
      production: 1,
      canary: { version: 2, weight: 10 },
      actor: "mlops@acme-bank.test",
      reason: "v2 canary again at 10%, on ml.m5.large like production",
    },
    {
      at: "2026-10-28T11:00:00.000Z",
      kind: "promotion",
      production: 2,
      actor: "mlops@acme-bank.test",
      reason: "v2 promoted to 100%: four healthy days",
    },
  ],
  "globex-pay": [
    {
      at: "2026-09-15T09:00:00.000Z",
      kind: "initial",
      production: 1,
      actor: "mlops@globex-pay.test",
      reason: "First production model (v1 approved 2026-09-02)",
    },
    {
      at: "2026-11-09T17:00:00.000Z",
      kind: "canary",
      production: 1,
      canary: { version: 2, weight: 10 },
      actor: "mlops@globex-pay.test",
      reason: "v2 canary at 10% (approved 2026-11-09)",
    },
    {
      at: "2026-11-10T02:41:00.000Z",
      kind: "rollback",
      production: 1,
      canary: { version: 2, weight: 0 },
      actor: `alarm:${endpointAlarmName("globex-pay", "fraud-globex-pay", "canary-5xx-rate")}`,
      alarm: endpointAlarmName("globex-pay", "fraud-globex-pay", "canary-5xx-rate"),
      reason: "Canary 5xx rate above 1% in 3 of 3 periods: the v2 container failed on a malformed feature file",
    },
    {
      at: "2026-11-25T10:15:00.000Z",
      kind: "canary",
      production: 1,
      canary: { version: 2, weight: 10 },
      actor: "mlops@globex-pay.test",
      reason: "v2 canary again at 10% with the feature file fixed",
    },
  ],
};

/** What production and canary each serve now (for README, tests and the seed's summary). */
export function currentDeploymentOf(tenantId: string): { productionVersion: number; canary: { version: number; weight: number } | null } {
  const last = STORIES[tenantId]?.at(-1);
  if (!last) throw new Error(`no deployment story for ${tenantId}`);
  return { productionVersion: last.production, canary: last.canary && last.canary.weight > 0 ? last.canary : null };
}

async function specOf(tenant: DemoTenant, step: Step, featureHeaders: readonly string[]): Promise<DeploymentSpec> {
  const base: DeploymentSpecInput = await variantEndpointSpec({
    modelPackageGroupName: tenant.modelPackageGroupName,
    productionVersion: step.production,
    canaryVersion: step.canary?.version ?? step.production,
    weights: { production: 100 - (step.canary?.weight ?? 0), canary: step.canary?.weight ?? 0 },
    featureHeaders,
  });
  const [production, canary] = base.variants;
  const variants = step.canary ? [production!, { ...canary!, instanceType: step.canary.instanceType }] : [{ ...production!, weight: 1 }];
  return parseDeploymentSpec({ ...base, variants });
}

/**
 * Deploys the tenant's endpoint as the story leaves it and records the story. Idempotent: a tenant
 * with a deployment record is left alone (a restart keeps whatever the demo did since).
 */
export async function seedDeploymentStory(tenant: DemoTenant, featureHeaders: readonly string[]): Promise<void> {
  const steps = STORIES[tenant.tenantId];
  if (!steps || (await getDeployment({ tenantId: tenant.tenantId, endpointName: tenant.endpointName }))) return;
  if (await endpointExists(tenant.endpointName)) {
    throw new Error(`${tenant.endpointName} was created before deployment records existed: start once with --fresh`);
  }
  const specs = await Promise.all(steps.map((s) => specOf(tenant, s, featureHeaders)));
  const last = steps.length - 1;
  const deployed = await deploy({
    tenantId: tenant.tenantId,
    endpointName: tenant.endpointName,
    spec: specs[last]!,
    kind: "initial",
    actor: "seed",
    reason: "Demo seed: the endpoint as its story leaves it",
  });

  // The configs of earlier steps, as they were deployed then (the step before the last one can be restored).
  const configNames = steps.map((_, i) => (i === last ? deployed.endpointConfigName : endpointConfigNameFor(tenant.endpointName, i + 1)));
  const sm = sageMakerClient();
  for (const [i, spec] of specs.entries()) {
    if (i === last || steps[i]!.kind === "rollback") continue;
    for (const v of spec.variants) {
      await ensureModel(
        {
          tenantId: tenant.tenantId,
          modelPackageGroupName: spec.modelPackageGroupName,
          modelVersion: v.modelVersion,
          executionRoleArn: env().SAGEMAKER_EXECUTION_ROLE_ARN,
        },
        sm,
      );
    }
    await sm.send(
      new CreateEndpointConfigCommand(buildEndpointConfigInput(spec, { endpointConfigName: configNames[i]!, tenantId: tenant.tenantId })),
    );
  }
  // A rollback by weights keeps its endpoint config.
  steps.forEach((s, i) => {
    if (s.kind === "rollback") configNames[i] = configNames[i - 1]!;
  });

  let rollbackEventId: string | null = null;
  for (const [i, step] of steps.entries()) {
    if (step.kind !== "rollback") continue;
    const event: RollbackEvent = {
      id: crypto.randomUUID(),
      tenant: tenant.tenantId,
      endpoint: tenant.endpointName,
      trigger: "alarm",
      alarm: step.alarm ?? null,
      actor: step.actor,
      reason: step.reason,
      mode: "weights",
      deploymentVersion: i,
      before: trafficStateOf(specs[i - 1]!, configNames[i - 1]!),
      after: trafficStateOf(specs[i]!, configNames[i]!),
      startedAt: step.at,
      finishedAt: new Date(Date.parse(step.at) + 1_400).toISOString(),
      outcome: "succeeded",
      error: null,
      notification: null,
    };
    const text = rollbackText(event);
    event.notification = { state: "logged", claimedAt: event.finishedAt!, finishedAt: event.finishedAt!, channels: [], text };
    await putRollbackEvent(event);
    rollbackEventId = event.id;
  }

  for (const [i, step] of steps.entries()) {
    await putHistoryEntry({
      tenantId: tenant.tenantId,
      endpointName: tenant.endpointName,
      entry: {
        version: i + 1,
        kind: step.kind,
        spec: specs[i]!,
        endpointConfigName: configNames[i]!,
        actor: step.actor,
        reason: step.reason,
        at: step.at,
        ...(step.kind === "rollback" ? { rollbackEventId } : {}),
      },
    });
  }

  const lastStep = steps[last]!;
  const record: DeploymentRecord = {
    ...deployed,
    version: steps.length,
    kind: lastStep.kind,
    actor: lastStep.actor,
    reason: lastStep.reason,
    updatedAt: lastStep.at,
    previous: last > 0 ? { spec: specs[last - 1]!, endpointConfigName: configNames[last - 1]!, version: last } : null,
    lastRollbackEventId: rollbackEventId,
  };
  await documentClient().send(
    new PutCommand({
      TableName: env().TABLE_NAME,
      Item: itemOf(record),
      ConditionExpression: "version = :deployed",
      ExpressionAttributeValues: { ":deployed": deployed.version },
    }),
  );
}
