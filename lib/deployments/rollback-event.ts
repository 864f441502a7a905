import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import { ROLLBACK_EVENT_SK, rollbackEventPk, rollbackIndexPk, rollbackIndexSk } from "@/lib/db/keys";
import { store, type StoreDeps } from "@/lib/db/store";
import { withRetries } from "@/lib/queue/with-retries";
import type { DeploymentSpec, VariantRole } from "./deployment-spec";
import type { AwsErrorSummary } from "./sagemaker-errors";

export const ROLLBACK_TRIGGERS = ["manual", "alarm"] as const;
export type RollbackTrigger = (typeof ROLLBACK_TRIGGERS)[number];

/**
 * `in_progress` only while the winning call is between its claim and SageMaker's answer (a stored
 * event never keeps it unless that process died; see rollback.ts). `already_rolled_back` is never
 * stored: it is what the other concurrent callers are answered, with the winning event's fields.
 */
export const ROLLBACK_OUTCOMES = ["in_progress", "succeeded", "failed", "already_rolled_back"] as const;
export type RollbackOutcome = (typeof ROLLBACK_OUTCOMES)[number];

/** What served traffic, per variant, before or after a rollback (the diff the UI shows). */
export interface TrafficState {
  endpointConfigName: string;
  variants: Array<{ variantName: string; role: VariantRole; modelVersion: number; weight: number }>;
}

export function trafficStateOf(spec: DeploymentSpec, endpointConfigName: string): TrafficState {
  return {
    endpointConfigName,
    variants: spec.variants.map((v) => ({ variantName: v.variantName, role: v.role, modelVersion: v.modelVersion, weight: v.weight })),
  };
}

/** One delivery attempt of a webhook message. */
export interface NotificationAttempt {
  at: string;
  ok: boolean;
  /** HTTP status, or the network error. */
  status?: number;
  error?: string;
}

export interface NotificationRecord {
  /** sending: claimed by one sender; sent / failed: every channel done; logged: none configured. */
  state: "sending" | "sent" | "failed" | "logged";
  claimedAt: string;
  finishedAt?: string;
  channels: Array<{ channel: "slack" | "teams"; delivered: boolean; attempts: NotificationAttempt[] }>;
  /** The message's text, as sent (or logged). */
  text?: string;
}

export interface RollbackEvent {
  id: string;
  tenant: string;
  endpoint: string;
  trigger: RollbackTrigger;
  /** The alarm's name when trigger = alarm. */
  alarm: string | null;
  actor: string;
  reason: string;
  /** weights: canary 0 / production 100; restore_config: the previous endpoint config with UpdateEndpoint. */
  mode: "weights" | "restore_config";
  /** The deployment version that was rolled back. */
  deploymentVersion: number;
  before: TrafficState;
  after: TrafficState;
  startedAt: string;
  finishedAt: string | null;
  outcome: RollbackOutcome;
  error: AwsErrorSummary | null;
  notification: NotificationRecord | null;
}

export const rollbackEventKey = (tenantId: string, id: string) => ({ PK: rollbackEventPk(tenantId, id), SK: ROLLBACK_EVENT_SK });

/** Creates the event once (a retried put of the same id is a no-op, never a second event). */
export async function putRollbackEvent(event: RollbackEvent, deps: StoreDeps = {}): Promise<void> {
  const { db, tableName } = store(deps);
  const Item = {
    ...rollbackEventKey(event.tenant, event.id),
    GSI1PK: rollbackIndexPk(event.tenant),
    GSI1SK: rollbackIndexSk(event.startedAt, event.id),
    ...event,
    // Absent until a sender claims it (lib/notifications/notify-rollback.ts: attribute_not_exists).
    notification: event.notification ?? undefined,
  };
  await withRetries(async () => {
    try {
      await db.send(new PutCommand({ TableName: tableName, Item, ConditionExpression: "attribute_not_exists(PK)" }));
    } catch (error) {
      // A retry after a write that landed: the event is there, which is what was wanted.
      if (error instanceof Error && error.name === "ConditionalCheckFailedException") return;
      throw error;
    }
  });
}

export async function getRollbackEvent(input: { tenantId: string; id: string }, deps: StoreDeps = {}): Promise<RollbackEvent | null> {
  const { db, tableName } = store(deps);
  const { Item } = await db.send(
    new GetCommand({ TableName: tableName, Key: rollbackEventKey(input.tenantId, input.id), ConsistentRead: true }),
  );
  return Item ? eventOf(Item) : null;
}

export function eventOf(item: Record<string, unknown>): RollbackEvent {
  const { PK: _pk, SK: _sk, GSI1PK: _gpk, GSI1SK: _gsk, ...event } = item;
  return { notification: null, ...event } as unknown as RollbackEvent;
}

/** Finishes an in-progress event (only once: the condition refuses a second finish). */
export async function finishRollbackEvent(
  input: { tenantId: string; id: string; outcome: "succeeded" | "failed"; finishedAt: string; error: AwsErrorSummary | null },
  deps: StoreDeps = {},
): Promise<void> {
  const { db, tableName } = store(deps);
  await withRetries(() =>
    db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: rollbackEventKey(input.tenantId, input.id),
        UpdateExpression: "SET outcome = :outcome, finishedAt = :finishedAt, #error = :error",
        ConditionExpression: "outcome = :inProgress",
        ExpressionAttributeNames: { "#error": "error" },
        ExpressionAttributeValues: {
          ":outcome": input.outcome,
          ":finishedAt": input.finishedAt,
          ":error": input.error,
          ":inProgress": "in_progress",
        },
      }),
    ),
  );
}

export const rollbackIdSchema = z.uuid();
