import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { AppError } from "@/lib/errors/app-error";
import { auditedAction } from "@/lib/audit/audited-action";
import { QUEUE_ITEM_SK, queueItemPk, queueStatusIndexPk } from "@/lib/db/keys";
import { isConditionFailed } from "@/lib/db/condition";
import { store } from "@/lib/db/store";
import { notFound, type Actor } from "@/lib/queue/claim-item";
import { getQueueItem } from "@/lib/queue/get-queue-item";
import { recordMetrics } from "@/lib/metrics/publish-metrics";
import { verdictSamples } from "@/lib/metrics/queue-metrics";
import { adjustQueueCountsQuietly } from "@/lib/queue/queue-counts";
import {
  activeClaim,
  isPending,
  STATUS_LABELS,
  VERDICT_STATUS,
  type QueueItem,
  type Verdict,
  type VerdictRecord,
} from "@/lib/queue/queue-item";
import { toQueueItem } from "@/lib/queue/stored-item";
import type { QueueStoreDeps } from "@/lib/queue/deps";

export interface VerdictInput {
  tenantId: string;
  txnId: string;
  actor: Actor;
  verdict: Verdict;
  note?: string;
  /** The version the analyst saw. */
  version: number;
}

export interface VerdictOutcome {
  /** "unchanged": the same actor already recorded this very verdict on this version (a retry). */
  outcome: "applied" | "unchanged";
  item: QueueItem;
}

/**
 * Records an analyst's verdict with one conditional UpdateItem: the item must still be at the
 * version the analyst saw, pending, and not claimed by someone else. The status moves between the
 * indexes' partitions in the same write. A retry of an applied verdict is answered as "unchanged";
 * anything else that fails the condition is 409 with who decided first (or who holds the claim).
 * Every applied verdict is audited (auditedAction: the intent is recorded first) and adjusts the
 * per-status counts.
 */
export async function recordVerdict(input: VerdictInput, deps: QueueStoreDeps = {}): Promise<VerdictOutcome> {
  const { db, tableName, now: clock } = store(deps);
  const now = clock();
  const status = VERDICT_STATUS[input.verdict];
  const verdict: VerdictRecord = {
    verdict: input.verdict,
    note: input.note?.trim() || null,
    by: input.actor.id,
    byName: input.actor.name,
    at: now.toISOString(),
  };
  const partition = queueStatusIndexPk(input.tenantId, status);
  const versionCondition = input.version === 1 ? "(#version = :v OR attribute_not_exists(#version))" : "#version = :v";
  const target = `txn:${input.txnId}`;
  return auditedAction(
    {
      tenantId: input.tenantId,
      actor: input.actor.id,
      action: `queue.verdict.${input.verdict}`,
      target,
      reason: verdict.note,
      requested: verdict,
    },
    async () => {
      let before: QueueItem;
      try {
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { PK: queueItemPk(input.tenantId, input.txnId), SK: QUEUE_ITEM_SK },
            UpdateExpression:
              "SET #status = :status, GSI1PK = :partition, GSI2PK = :partition, #verdict = :verdict, #version = :next, #claim = :none",
            ConditionExpression: `attribute_exists(PK) AND ${versionCondition} AND #status IN (:open, :escalated) AND (attribute_not_exists(#claim.#by) OR #claim.#by = :me OR #claim.#exp < :now)`,
            ExpressionAttributeNames: {
              "#status": "status",
              "#verdict": "verdict",
              "#version": "version",
              "#claim": "claim",
              "#by": "by",
              "#exp": "expiresAt",
            },
            ExpressionAttributeValues: {
              ":status": status,
              ":partition": partition,
              ":verdict": verdict,
              ":v": input.version,
              ":next": input.version + 1,
              ":none": null,
              ":open": "open",
              ":escalated": "escalated",
              ":me": input.actor.id,
              ":now": now.toISOString(),
            },
            ReturnValues: "ALL_OLD",
          }),
        );
        before = toQueueItem(Attributes ?? {});
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
        return { outcome: "unchanged", result: await refusal(input, now, deps) };
      }
      const item: QueueItem = { ...before, status, verdict, version: input.version + 1, claim: null };
      await adjustQueueCountsQuietly(
        { tenantId: input.tenantId, delta: before.status === status ? {} : { [before.status]: -1, [status]: 1 }, at: now.getTime() },
        deps,
      );
      recordMetrics(verdictSamples(before, verdict));
      return {
        outcome: "applied",
        result: { outcome: "applied", item } satisfies VerdictOutcome,
        before: { status: before.status, version: before.version, verdict: before.verdict },
        after: { status, version: item.version, verdict },
      };
    },
    deps,
  );
}

/** Why the condition failed, read back consistently: a retry of our own verdict, gone, decided, or claimed. */
async function refusal(input: VerdictInput, now: Date, deps: QueueStoreDeps): Promise<VerdictOutcome> {
  const item = await getQueueItem({ tenantId: input.tenantId, txnId: input.txnId, consistent: true }, deps);
  if (!item) throw notFound(input.txnId);
  const last = item.verdict;
  if (last && last.by === input.actor.id && last.verdict === input.verdict && item.version === input.version + 1)
    return { outcome: "unchanged", item };
  if (item.version !== input.version || !isPending(item.status)) {
    const who = last ? `${last.byName} (${last.by})` : "A colleague";
    const what = last ? STATUS_LABELS[item.status] : "changed it";
    throw new AppError("conflict", `${who} decided first: ${what}. Reload to see the current state.`, {
      details: { reason: "stale", status: item.status, version: item.version, verdict: last },
    });
  }
  const holder = activeClaim(item, now);
  throw new AppError("conflict", `${holder?.name ?? "A colleague"} is working on this transaction; take it over to record a verdict`, {
    details: { reason: "claimed", claim: holder },
  });
}
