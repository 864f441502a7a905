import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient } from "@/lib/aws/clients";
import { QUEUE_ITEM_SK, queueItemPk } from "@/lib/db/keys";
import { env } from "@/lib/env";
import type { FeatureAttribution } from "@/lib/scoring/parse-invocation";
import type { Reason } from "@/lib/scoring/top-reasons";
import type { QueueStoreDeps } from "./deps";
import { readyExplanation, type ExplanationState } from "./explanation";

/**
 * The explanation's writes onto a queue item. Each is one conditional UpdateItem that requires the
 * explanation to be still `pending`, and each touches only the explanation's attributes: never the
 * status, verdict, claim or version, so a verdict recorded meanwhile stands and the analyst's
 * optimistic version stays valid. A second delivery of the same attributions (a re-driven job
 * racing the original) finds the item `ready` and changes nothing.
 */
export type ExplanationWrite = "applied" | "unchanged";

interface Target {
  tenantId: string;
  txnId: string;
}

export async function recordExplanation(
  input: Target & { attributions: FeatureAttribution[]; baseValue: number | null; reasons: Reason[]; attempts: number },
  deps: QueueStoreDeps = {},
): Promise<ExplanationWrite> {
  const now = deps.now?.() ?? new Date();
  return update(
    input,
    "SET attributions = :attributions, baseValue = :baseValue, reasons = :reasons, explanation = :explanation",
    {
      ":attributions": input.attributions,
      ":baseValue": input.baseValue,
      ":reasons": input.reasons,
      ":explanation": readyExplanation(now, input.attempts),
    },
    deps,
  );
}

/** An attempt failed and another follows: count it, say why, and hold the lease until the retry is due. */
export function recordExplanationRetry(
  input: Target & { attempts: number; error: string; leaseUntil: Date },
  deps: QueueStoreDeps = {},
): Promise<ExplanationWrite> {
  const now = deps.now?.() ?? new Date();
  const explanation: ExplanationState = {
    state: "pending",
    attempts: input.attempts,
    leaseUntil: input.leaseUntil.toISOString(),
    lastError: input.error,
    updatedAt: now.toISOString(),
  };
  return update(input, "SET explanation = :explanation", { ":explanation": explanation }, deps);
}

export function recordExplanationFailure(
  input: Target & { attempts: number; error: string },
  deps: QueueStoreDeps = {},
): Promise<ExplanationWrite> {
  const now = deps.now?.() ?? new Date();
  const explanation: ExplanationState = {
    state: "failed",
    attempts: input.attempts,
    leaseUntil: null,
    lastError: input.error,
    updatedAt: now.toISOString(),
  };
  return update(input, "SET explanation = :explanation", { ":explanation": explanation }, deps);
}

/**
 * Takes over a pending explanation whose lease ran out (`seenLeaseUntil` is the lease the caller
 * read): only one of several instances re-driving the same item wins, the others get "unchanged".
 */
export function leaseExplanation(
  input: Target & { seenLeaseUntil: string | null; leaseUntil: Date },
  deps: QueueStoreDeps = {},
): Promise<ExplanationWrite> {
  return update(
    input,
    "SET explanation.leaseUntil = :until",
    { ":until": input.leaseUntil.toISOString(), ":seen": input.seenLeaseUntil },
    deps,
    "explanation.leaseUntil = :seen",
  );
}

async function update(
  target: Target,
  expression: string,
  values: Record<string, unknown>,
  deps: QueueStoreDeps,
  extraCondition?: string,
): Promise<ExplanationWrite> {
  try {
    await (deps.db ?? documentClient()).send(
      new UpdateCommand({
        TableName: deps.tableName ?? env().TABLE_NAME,
        Key: { PK: queueItemPk(target.tenantId, target.txnId), SK: QUEUE_ITEM_SK },
        UpdateExpression: expression,
        ConditionExpression: `attribute_exists(PK) AND explanation.#state = :pending${extraCondition ? ` AND ${extraCondition}` : ""}`,
        ExpressionAttributeNames: { "#state": "state" },
        ExpressionAttributeValues: { ...values, ":pending": "pending" },
      }),
    );
    return "applied";
  } catch (error) {
    if ((error as Error).name === "ConditionalCheckFailedException") return "unchanged";
    throw error;
  }
}
