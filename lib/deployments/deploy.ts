import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  DeleteEndpointConfigCommand,
  UpdateEndpointCommand,
  type SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { DeleteCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { auditedAction, type AuditDeps } from "@/lib/audit/audited-action";
import { sageMakerClient } from "@/lib/aws/clients";
import { isConditionFailed } from "@/lib/db/condition";
import { store } from "@/lib/db/store";
import { executionRoleArnFor } from "@/lib/aws/execution-role";
import { AppError } from "@/lib/errors/app-error";
import { buildEndpointConfigInput, endpointConfigNameFor, TENANT_TAG } from "./build-endpoint-config";
import { deploymentChanged } from "./deployment-changes";
import { deploymentKey, getDeployment, itemOf, putHistoryEntry, type DeployKind, type DeploymentRecord } from "./deployment-record";
import { parseDeploymentSpec, type DeploymentSpecInput } from "./deployment-spec";
import { ensureModel } from "./ensure-model";
import { sageMakerFailure } from "./sagemaker-errors";
import { staleVersionConflict } from "./stale-version";

export interface DeployInput {
  tenantId: string;
  endpointName: string;
  spec: DeploymentSpecInput;
  /** initial = CreateEndpoint; every other kind replaces the endpoint config with UpdateEndpoint. */
  kind: DeployKind;
  actor: string;
  reason?: string | null;
  /** The record version the caller decided on; a change in between answers 409. Omitted: the current one. */
  expectedVersion?: number;
}

export type DeploymentDeps = AuditDeps & { sageMaker?: Pick<SageMakerClient, "send"> };

/**
 * Deploys a spec: the models of its versions (created once), a new endpoint config, then
 * CreateEndpoint (initial) or UpdateEndpoint, recorded as the endpoint's new deployment (version + 1,
 * the old one kept as `previous` for a rollback) with a history entry, audited. The record is written
 * before the endpoint call, conditionally on the version read, so two concurrent deploys cannot both
 * reach SageMaker; if the call fails the record is put back and nothing has changed. The endpoint is
 * Creating/Updating when this returns (callers that need it serving wait for InService).
 */
export async function deploy(input: DeployInput, deps: DeploymentDeps = {}): Promise<DeploymentRecord> {
  const spec = parseDeploymentSpec(input.spec);
  const sm = deps.sageMaker ?? sageMakerClient();
  const { db, tableName, now } = store(deps);
  const current = await getDeployment(input, deps);
  if (input.kind === "initial" && current) throw new AppError("conflict", `Endpoint ${input.endpointName} is already deployed`);
  if (input.kind !== "initial" && !current) throw new AppError("not_found", `Endpoint ${input.endpointName} has no deployment`);
  if (current && input.expectedVersion !== undefined && current.version !== input.expectedVersion) throw staleVersionConflict(current);
  if (current?.rollback) throw new AppError("conflict", "A rollback of this endpoint is in progress; try again when it has finished");
  const version = (current?.version ?? 0) + 1;
  const endpointConfigName = endpointConfigNameFor(input.endpointName, version);

  return auditedAction(
    {
      tenantId: input.tenantId,
      actor: input.actor,
      action: `deployment.${input.kind}`,
      target: `endpoint:${input.endpointName}`,
      reason: input.reason,
      requested: spec,
    },
    async () => {
      for (const v of [...spec.variants, ...spec.shadowVariants]) {
        await ensureModel(
          {
            tenantId: input.tenantId,
            modelPackageGroupName: spec.modelPackageGroupName,
            modelVersion: v.modelVersion,
            executionRoleArn: executionRoleArnFor(input.tenantId),
          },
          sm,
        ).catch(rethrowAs("Creating the model"));
      }
      await sm
        .send(new CreateEndpointConfigCommand(buildEndpointConfigInput(spec, { endpointConfigName, tenantId: input.tenantId })))
        .catch(rethrowAs("Creating the endpoint config"));

      const record: DeploymentRecord = {
        tenantId: input.tenantId,
        endpointName: input.endpointName,
        version,
        spec,
        endpointConfigName,
        kind: input.kind,
        actor: input.actor,
        reason: input.reason?.trim() || null,
        updatedAt: now().toISOString(),
        previous: current ? { spec: current.spec, endpointConfigName: current.endpointConfigName, version: current.version } : null,
        lastRollbackEventId: current?.lastRollbackEventId ?? null,
        rollback: null,
      };
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: itemOf(record),
            ConditionExpression: current ? "version = :expected AND attribute_not_exists(#rollback)" : "attribute_not_exists(PK)",
            ExpressionAttributeNames: current ? { "#rollback": "rollback" } : undefined,
            ExpressionAttributeValues: current ? { ":expected": current.version } : undefined,
          }),
        );
      } catch (error) {
        await deleteConfig(sm, endpointConfigName);
        if (isConditionFailed(error)) throw staleVersionConflict(await getDeployment(input, deps));
        throw error;
      }

      try {
        if (input.kind === "initial") {
          await sm.send(
            new CreateEndpointCommand({
              EndpointName: input.endpointName,
              EndpointConfigName: endpointConfigName,
              Tags: [{ Key: TENANT_TAG, Value: input.tenantId }],
            }),
          );
        } else {
          await sm.send(new UpdateEndpointCommand({ EndpointName: input.endpointName, EndpointConfigName: endpointConfigName }));
        }
      } catch (error) {
        await restoreRecord(current, record, deps);
        await deleteConfig(sm, endpointConfigName);
        throw sageMakerFailure(error, input.kind === "initial" ? "Creating the endpoint" : "Updating the endpoint");
      }
      deploymentChanged(input);
      await putHistoryEntry(
        {
          tenantId: input.tenantId,
          endpointName: input.endpointName,
          entry: { version, kind: input.kind, spec, endpointConfigName, actor: input.actor, reason: record.reason, at: record.updatedAt },
        },
        deps,
      );
      return {
        outcome: "applied",
        result: record,
        before: current ? { spec: current.spec, endpointConfigName: current.endpointConfigName, version: current.version } : null,
        after: { spec, endpointConfigName, version },
      };
    },
    deps,
  );
}

function rethrowAs(what: string) {
  return (error: unknown): never => {
    if (error instanceof AppError) throw error;
    throw sageMakerFailure(error, what);
  };
}

/** Puts the record back as it was before this deployment's write (only if nothing changed it since). */
async function restoreRecord(previous: DeploymentRecord | null, written: DeploymentRecord, deps: DeploymentDeps): Promise<void> {
  const { db, tableName } = store(deps);
  const condition = { ConditionExpression: "version = :written", ExpressionAttributeValues: { ":written": written.version } };
  if (previous) await db.send(new PutCommand({ TableName: tableName, Item: itemOf(previous), ...condition }));
  else await db.send(new DeleteCommand({ TableName: tableName, Key: deploymentKey(written.tenantId, written.endpointName), ...condition }));
}

/** Best effort: an unused config costs nothing but a name. */
async function deleteConfig(sm: Pick<SageMakerClient, "send">, name: string): Promise<void> {
  await sm.send(new DeleteEndpointConfigCommand({ EndpointConfigName: name })).catch(() => undefined);
}
