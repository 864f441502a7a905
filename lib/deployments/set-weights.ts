import { UpdateEndpointWeightsAndCapacitiesCommand } from "@aws-sdk/client-sagemaker";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { auditedAction } from "@/lib/audit/audited-action";
import { sageMakerClient } from "@/lib/aws/clients";
import { isConditionFailed } from "@/lib/db/condition";
import { store } from "@/lib/db/store";
import { AppError } from "@/lib/errors/app-error";
import type { DeploymentDeps } from "./deploy";
import { deploymentChanged } from "./deployment-changes";
import { getDeployment, itemOf, putHistoryEntry, type DeploymentRecord } from "./deployment-record";
import { weightsOf, type DeploymentSpec } from "./deployment-spec";
import { sageMakerFailure } from "./sagemaker-errors";
import { staleVersionConflict } from "./stale-version";

export interface SetWeightsInput {
  tenantId: string;
  endpointName: string;
  /** Variant name → weight (relative shares); variants left out keep theirs. */
  weights: Record<string, number>;
  reason: string;
  /** The deployment version the engineer looked at; a change since answers 409 naming who and when. */
  expectedVersion: number;
  actor: string;
}

/** The spec with the new weights, or a 400 naming what is wrong (unknown variant, negative, all zero). */
export function applyWeights(spec: DeploymentSpec, weights: Record<string, number>): DeploymentSpec {
  const known = new Set(spec.variants.map((v) => v.variantName));
  const unknown = Object.keys(weights).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new AppError("bad_request", `Unknown variant ${unknown.join(", ")}; the endpoint has ${[...known].join(", ")}`, {
      details: { issues: unknown.map((name) => ({ field: `weights.${name}`, message: "not a variant of the endpoint" })) },
    });
  }
  const bad = Object.entries(weights).filter(([, w]) => !Number.isFinite(w) || w < 0);
  if (bad.length > 0) {
    throw new AppError("bad_request", "Weights must be numbers of 0 or more", {
      details: { issues: bad.map(([name]) => ({ field: `weights.${name}`, message: "must be a number ≥ 0" })) },
    });
  }
  const variants = spec.variants.map((v) => ({ ...v, weight: weights[v.variantName] ?? v.weight }));
  if (variants.every((v) => v.weight === 0)) {
    throw new AppError("bad_request", "At least one variant needs a weight above 0", {
      details: { issues: [{ field: "weights", message: "all weights are 0" }] },
    });
  }
  return { ...spec, variants };
}

/**
 * Moves traffic between the endpoint's variants with UpdateEndpointWeightsAndCapacities, with
 * optimistic concurrency on the deployment record: the record is written first, conditionally on
 * `expectedVersion` (of two concurrent edits one applies, the other gets 409 naming who changed it
 * and when), then SageMaker is asked; if SageMaker refuses, the record is put back and the caller
 * gets the AWS error — nothing is left half-done. Audited with the weights before and after.
 */
export async function setWeights(input: SetWeightsInput, deps: DeploymentDeps = {}): Promise<DeploymentRecord> {
  const reason = input.reason.trim();
  if (!reason)
    throw new AppError("bad_request", "A reason is required", { details: { issues: [{ field: "reason", message: "required" }] } });
  const current = await getDeployment(input, deps);
  if (!current) throw new AppError("not_found", `Endpoint ${input.endpointName} has no deployment`);
  if (current.version !== input.expectedVersion || current.rollback) throw staleVersionConflict(current);
  const spec = applyWeights(current.spec, input.weights);
  const sm = deps.sageMaker ?? sageMakerClient();
  const { db, tableName, now } = store(deps);

  return auditedAction(
    {
      tenantId: input.tenantId,
      actor: input.actor,
      action: "endpoint.weights",
      target: `endpoint:${input.endpointName}`,
      reason,
      requested: { weights: weightsOf(spec) },
    },
    async () => {
      const next: DeploymentRecord = {
        ...current,
        version: current.version + 1,
        spec,
        kind: "weights",
        actor: input.actor,
        reason,
        updatedAt: now().toISOString(),
        rollback: null,
      };
      await writeConditionally(next, current.version, deps).catch(async (error: unknown) => {
        if (isConditionFailed(error)) throw staleVersionConflict(await getDeployment(input, deps));
        throw error;
      });
      try {
        await sm.send(
          new UpdateEndpointWeightsAndCapacitiesCommand({
            EndpointName: input.endpointName,
            DesiredWeightsAndCapacities: spec.variants.map((v) => ({ VariantName: v.variantName, DesiredWeight: v.weight })),
          }),
        );
      } catch (error) {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: itemOf(current),
            ConditionExpression: "version = :written",
            ExpressionAttributeValues: { ":written": next.version },
          }),
        );
        throw sageMakerFailure(error, "Setting the weights");
      }
      deploymentChanged(input);
      await putHistoryEntry(
        {
          tenantId: input.tenantId,
          endpointName: input.endpointName,
          entry: {
            version: next.version,
            kind: "weights",
            spec,
            endpointConfigName: next.endpointConfigName,
            actor: input.actor,
            reason,
            at: next.updatedAt,
          },
        },
        deps,
      );
      return {
        outcome: "applied",
        result: next,
        before: { weights: weightsOf(current.spec), version: current.version },
        after: { weights: weightsOf(spec), version: next.version },
      };
    },
    deps,
  );
}

/** Replaces the record if it is still at `expectedVersion` and no rollback holds it. */
export async function writeConditionally(record: DeploymentRecord, expectedVersion: number, deps: DeploymentDeps): Promise<void> {
  const { db, tableName } = store(deps);
  await db.send(
    new PutCommand({
      TableName: tableName,
      Item: itemOf(record),
      // ROLLBACK is a DynamoDB reserved word: the attribute is named through #rollback.
      ConditionExpression: "version = :expected AND attribute_not_exists(#rollback)",
      ExpressionAttributeNames: { "#rollback": "rollback" },
      ExpressionAttributeValues: { ":expected": expectedVersion },
    }),
  );
}
