import { randomUUID } from "node:crypto";
import { UpdateEndpointCommand, UpdateEndpointWeightsAndCapacitiesCommand } from "@aws-sdk/client-sagemaker";
import { PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { auditedAction } from "@/lib/audit/audited-action";
import { sageMakerClient } from "@/lib/aws/clients";
import { isConditionFailed } from "@/lib/db/condition";
import { store } from "@/lib/db/store";
import { AppError } from "@/lib/errors/app-error";
import { notifyRollback } from "@/lib/notifications/notify-rollback";
import type { DeploymentDeps } from "./deploy";
import { deploymentChanged } from "./deployment-changes";
import { deploymentKey, getDeployment, itemOf, putHistoryEntry, type DeploymentRecord, type RollbackClaim } from "./deployment-record";
import { planRollback, type RollbackPlan } from "./plan-rollback";
import {
  finishRollbackEvent,
  getRollbackEvent,
  putRollbackEvent,
  trafficStateOf,
  type RollbackEvent,
  type RollbackTrigger,
} from "./rollback-event";
import { awsErrorSummary, type AwsErrorSummary } from "./sagemaker-errors";
import { waitUntilUpdatable } from "./wait-endpoint";

export interface RollbackInput {
  tenantId: string;
  endpointName: string;
  trigger: RollbackTrigger;
  alarm?: string | null;
  actor: string;
  reason: string;
}

export interface RollbackResult {
  /** The event: this call's (succeeded / failed) or, for already_rolled_back, the winning one's with that outcome. */
  event: RollbackEvent;
  /** The notification of a rollback this call performed; resolves when sent (never rejects). Nobody must wait for it. */
  notification: Promise<void>;
}

export type RollbackDeps = DeploymentDeps & {
  notify?: (event: RollbackEvent) => Promise<void>;
  /** How long a claim may stay before another call may take it over (its process died). */
  claimTimeoutMs?: number;
  /** How long to wait for an endpoint that is Updating (another change) before giving up. */
  updatableTimeoutMs?: number;
};

const CLAIM_TIMEOUT_MS = 120_000;

/**
 * Rolls the endpoint back to its last known-good state (plan-rollback.ts), exactly once however
 * many callers race: the caller that claims the deployment record (a conditional write on its
 * version) performs it and writes the one event; every other caller is answered
 * `already_rolled_back` with that event. The claim is taken before SageMaker is called and released
 * whatever SageMaker answers: on success the record moves to the rolled-back spec (version + 1);
 * on failure it is left as it was and the event says `failed` with the AWS error (nothing half-done).
 * The notification goes out after the traffic has moved, claimed on the event (one message), and
 * the answer does not wait for it. Audited (`endpoint.rollback`) with the traffic before and after.
 */
export async function rollback(input: RollbackInput, deps: RollbackDeps = {}): Promise<RollbackResult> {
  const reason = input.reason.trim();
  if (!reason)
    throw new AppError("bad_request", "A reason is required", { details: { issues: [{ field: "reason", message: "required" }] } });
  const sm = deps.sageMaker ?? sageMakerClient();
  const { db, tableName, now } = store(deps);
  const notify = deps.notify ?? ((event: RollbackEvent) => notifyRollback(event, deps));
  const noNotification = Promise.resolve();
  // Read while the audit intent is written: a read changes nothing, and the claim that follows is
  // conditional on the version read, so this only takes a round trip off the way to SageMaker.
  const firstRead = getDeployment(input, deps);
  firstRead.catch(() => undefined);

  return auditedAction(
    {
      tenantId: input.tenantId,
      actor: input.actor,
      action: "endpoint.rollback",
      target: `endpoint:${input.endpointName}`,
      reason,
      requested: { trigger: input.trigger, alarm: input.alarm ?? null },
    },
    async () => {
      const claimed = await claim(input, deps, firstRead);
      if (claimed.kind === "already") {
        return { outcome: "unchanged", result: { event: await alreadyRolledBack(input, claimed, deps), notification: noNotification } };
      }
      const { record, plan, claim: held } = claimed;
      const event: RollbackEvent = {
        id: held.eventId,
        tenant: input.tenantId,
        endpoint: input.endpointName,
        trigger: input.trigger,
        alarm: input.alarm ?? null,
        actor: input.actor,
        reason,
        mode: plan.kind,
        deploymentVersion: record.version,
        before: trafficStateOf(record.spec, record.endpointConfigName),
        after: trafficStateOf(plan.after, plan.endpointConfigName),
        startedAt: held.startedAt,
        finishedAt: null,
        outcome: "in_progress",
        error: null,
        notification: null,
      };
      // The event is written and the endpoint's status read at the same time (the read changes
      // nothing); SageMaker is called only once the event is there, so a rollback is never
      // performed without its record.
      const [recorded, updatable] = await Promise.allSettled([
        putRollbackEvent(event, deps),
        waitUntilUpdatable(input.endpointName, { sageMaker: sm, timeoutMs: deps.updatableTimeoutMs }),
      ]);
      if (recorded.status === "rejected") {
        await releaseClaim(record, held, deps);
        throw new AppError("unavailable", "The rollback could not be recorded, so nothing was changed; try again", {
          cause: recorded.reason,
        });
      }

      let failure: AwsErrorSummary | null = null;
      try {
        if (updatable.status === "rejected") throw updatable.reason;
        if (plan.kind === "weights") {
          await sm.send(
            new UpdateEndpointWeightsAndCapacitiesCommand({
              EndpointName: input.endpointName,
              DesiredWeightsAndCapacities: plan.after.variants.map((v) => ({ VariantName: v.variantName, DesiredWeight: v.weight })),
            }),
          );
        } else {
          await sm.send(new UpdateEndpointCommand({ EndpointName: input.endpointName, EndpointConfigName: plan.endpointConfigName }));
        }
      } catch (error) {
        failure = awsErrorSummary(error);
      }

      const finishedAt = now().toISOString();
      if (failure) {
        await releaseClaim(record, held, deps);
        await finishRollbackEvent({ tenantId: input.tenantId, id: event.id, outcome: "failed", finishedAt, error: failure }, deps);
        const failed: RollbackEvent = { ...event, outcome: "failed", finishedAt, error: failure };
        return {
          outcome: "applied",
          action: "endpoint.rollback_failed",
          result: { event: failed, notification: noNotification },
          before: event.before,
          after: event.before,
        };
      }

      const next: DeploymentRecord = {
        ...record,
        version: record.version + 1,
        spec: plan.after,
        endpointConfigName: plan.endpointConfigName,
        kind: "rollback",
        actor: input.actor,
        reason,
        updatedAt: finishedAt,
        previous:
          plan.kind === "restore_config"
            ? { spec: record.spec, endpointConfigName: record.endpointConfigName, version: record.version }
            : record.previous,
        lastRollbackEventId: event.id,
        rollback: null,
      };
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: itemOf(next),
          ConditionExpression: "#rollback.eventId = :id",
          ExpressionAttributeNames: { "#rollback": "rollback" },
          ExpressionAttributeValues: { ":id": event.id },
        }),
      );
      deploymentChanged(input);
      // Independent writes, together: the answer (and the UI that follows the traffic) waits for both.
      await Promise.all([
        finishRollbackEvent({ tenantId: input.tenantId, id: event.id, outcome: "succeeded", finishedAt, error: null }, deps),
        putHistoryEntry(
          {
            tenantId: input.tenantId,
            endpointName: input.endpointName,
            entry: {
              version: next.version,
              kind: "rollback",
              spec: next.spec,
              endpointConfigName: next.endpointConfigName,
              actor: input.actor,
              reason,
              at: finishedAt,
              rollbackEventId: event.id,
            },
          },
          deps,
        ),
      ]);
      const succeeded: RollbackEvent = { ...event, outcome: "succeeded", finishedAt };
      // After the traffic has moved, and not awaited here: the answer never waits on a webhook.
      const notification = notify(succeeded).catch((error: unknown) => console.error("rollback notification failed", error));
      return {
        outcome: "applied",
        result: { event: succeeded, notification },
        before: event.before,
        after: event.after,
        target: `rollback:${event.id}`,
      };
    },
    deps,
  );
}

type Claimed =
  | { kind: "claimed"; record: DeploymentRecord; plan: Exclude<RollbackPlan, { kind: "already" | "nothing" }>; claim: RollbackClaim }
  | { kind: "already"; eventId: string | null; claim?: RollbackClaim };

/** Reads the record and claims it for this rollback; loses (→ already) to a claim or rollback that came first. */
async function claim(input: RollbackInput, deps: RollbackDeps, firstRead: Promise<DeploymentRecord | null>): Promise<Claimed> {
  const { db, tableName, now } = store(deps);
  const timeout = deps.claimTimeoutMs ?? CLAIM_TIMEOUT_MS;
  // A few rounds: a weight change landing between the read and the claim is not a rollback, so read again.
  for (let round = 0; round < 5; round++) {
    const record = round === 0 ? await firstRead : await getDeployment(input, deps);
    if (!record) throw new AppError("not_found", `Endpoint ${input.endpointName} has no deployment`);
    const startedAt = now().toISOString();
    const isStale = record.rollback && Date.parse(record.rollback.startedAt) < now().getTime() - timeout;
    if (record.rollback && !isStale) return { kind: "already", eventId: record.rollback.eventId, claim: record.rollback };
    const plan = planRollback(record);
    if (plan.kind === "already") return { kind: "already", eventId: plan.eventId };
    if (plan.kind === "nothing") {
      throw new AppError("conflict", "Nothing to roll back: no canary is live and the last deployment was not a promotion");
    }
    const held: RollbackClaim = { eventId: randomUUID(), startedAt, actor: input.actor };
    try {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: deploymentKey(input.tenantId, input.endpointName),
          UpdateExpression: "SET #rollback = :claim",
          ConditionExpression: isStale ? "version = :v AND #rollback.eventId = :stale" : "version = :v AND attribute_not_exists(#rollback)",
          ExpressionAttributeNames: { "#rollback": "rollback" },
          ExpressionAttributeValues: { ":v": record.version, ":claim": held, ...(isStale ? { ":stale": record.rollback!.eventId } : {}) },
        }),
      );
      return { kind: "claimed", record, plan, claim: held };
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
  }
  throw new AppError("conflict", "The endpoint kept changing while the rollback started; try again");
}

/** Gives the record back untouched (its version unchanged), only if this claim still holds it. */
async function releaseClaim(record: DeploymentRecord, held: RollbackClaim, deps: RollbackDeps): Promise<void> {
  const { db, tableName } = store(deps);
  await db
    .send(
      new UpdateCommand({
        TableName: tableName,
        Key: deploymentKey(record.tenantId, record.endpointName),
        UpdateExpression: "REMOVE #rollback",
        ConditionExpression: "#rollback.eventId = :id",
        ExpressionAttributeNames: { "#rollback": "rollback" },
        ExpressionAttributeValues: { ":id": held.eventId },
      }),
    )
    .catch((error: unknown) => {
      if (!isConditionFailed(error)) throw error;
    });
}

/** The answer of a caller that lost the race: the winning event, told as already_rolled_back. */
async function alreadyRolledBack(
  input: RollbackInput,
  claimed: { eventId: string | null; claim?: RollbackClaim },
  deps: RollbackDeps,
): Promise<RollbackEvent> {
  const winner = claimed.eventId ? await getRollbackEvent({ tenantId: input.tenantId, id: claimed.eventId }, deps) : null;
  if (winner) return { ...winner, outcome: "already_rolled_back" };
  // The winner has claimed but not yet written its event (a few milliseconds): answer from its claim.
  const record = await getDeployment(input, deps);
  const traffic = record ? trafficStateOf(record.spec, record.endpointConfigName) : { endpointConfigName: "", variants: [] };
  return {
    id: claimed.eventId ?? "",
    tenant: input.tenantId,
    endpoint: input.endpointName,
    trigger: input.trigger,
    alarm: input.alarm ?? null,
    actor: claimed.claim?.actor ?? input.actor,
    reason: input.reason,
    mode: "weights",
    deploymentVersion: record?.version ?? 0,
    before: traffic,
    after: traffic,
    startedAt: claimed.claim?.startedAt ?? new Date().toISOString(),
    finishedAt: null,
    outcome: "already_rolled_back",
    error: null,
    notification: null,
  };
}
