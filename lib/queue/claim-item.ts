import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { AppError } from "@/lib/errors/app-error";
import { auditedAction } from "@/lib/audit/audited-action";
import { QUEUE_ITEM_SK, queueItemPk } from "@/lib/db/keys";
import { isConditionFailed } from "@/lib/db/condition";
import { store } from "@/lib/db/store";
import type { QueueStoreDeps } from "./deps";
import { getQueueItem } from "./get-queue-item";
import { activeClaim, isPending, type Claim, type QueueItem } from "./queue-item";
import { toQueueItem } from "./stored-item";

/** Long enough to read the evidence and decide; short enough that an abandoned tab frees the item soon. */
export const CLAIM_TTL_MS = 5 * 60_000;

export interface Actor {
  id: string;
  name: string;
}

/**
 * Claims a pending item for the actor: one conditional UpdateItem that succeeds when the item is
 * unclaimed, already the actor's, or its claim has expired (the expiry is a timestamp checked in the
 * condition, so claims need no clean-up job). `takeOver` claims it from a colleague on purpose. Every
 * claim, renewal and take-over is audited (auditedAction). A claim held by someone else answers 409
 * with the holder in `details.claim`.
 */
export async function claimItem(
  input: { tenantId: string; txnId: string; actor: Actor; takeOver?: boolean },
  deps: QueueStoreDeps = {},
): Promise<QueueItem> {
  const { db, tableName, now: clock } = store(deps);
  const now = clock();
  const claim: Claim = { by: input.actor.id, name: input.actor.name, expiresAt: new Date(now.getTime() + CLAIM_TTL_MS).toISOString() };
  const free = "(attribute_not_exists(#claim.#by) OR #claim.#by = :me OR #claim.#exp < :now)";
  const target = `txn:${input.txnId}`;
  return auditedAction(
    {
      tenantId: input.tenantId,
      actor: input.actor.id,
      action: input.takeOver ? "queue.claim_takeover" : "queue.claim",
      target,
      requested: claim,
    },
    async () => {
      let Attributes: Record<string, unknown> | undefined;
      try {
        ({ Attributes } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { PK: queueItemPk(input.tenantId, input.txnId), SK: QUEUE_ITEM_SK },
            UpdateExpression: "SET #claim = :claim",
            ConditionExpression: `attribute_exists(PK) AND #status IN (:open, :escalated)${input.takeOver ? "" : ` AND ${free}`}`,
            ExpressionAttributeNames: {
              "#claim": "claim",
              "#status": "status",
              ...(input.takeOver ? {} : { "#by": "by", "#exp": "expiresAt" }),
            },
            ExpressionAttributeValues: {
              ":claim": claim,
              ":open": "open",
              ":escalated": "escalated",
              ...(input.takeOver ? {} : { ":me": input.actor.id, ":now": now.toISOString() }),
            },
            ReturnValues: "ALL_OLD",
          }),
        ));
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
        throw await claimRefusal(input, now, deps);
      }
      const before = toQueueItem(Attributes ?? {});
      const previous = activeClaim(before, now);
      // A new claim, a renewal of one's own, or a take-over from a colleague: each is recorded as such.
      const action = previous?.by === input.actor.id ? "queue.claim_renew" : previous ? "queue.claim_takeover" : "queue.claim";
      return { outcome: "applied", result: { ...before, claim }, before: previous, after: claim, action };
    },
    deps,
  );
}

async function claimRefusal(input: { tenantId: string; txnId: string }, now: Date, deps: QueueStoreDeps): Promise<AppError> {
  const item = await getQueueItem({ ...input, consistent: true }, deps);
  if (!item) return notFound(input.txnId);
  if (!isPending(item.status)) {
    return new AppError("conflict", `Already decided by ${item.verdict?.byName ?? "someone"}`, {
      details: { reason: "decided", verdict: item.verdict, version: item.version },
    });
  }
  const holder = activeClaim(item, now);
  return new AppError("conflict", `${holder?.name ?? "A colleague"} is working on this transaction`, {
    details: { reason: "claimed", claim: holder },
  });
}

/** Gives up the actor's own claim (leaving the item); someone else's claim is left alone. */
export async function releaseClaim(input: { tenantId: string; txnId: string; actor: Actor }, deps: QueueStoreDeps = {}): Promise<void> {
  const { db, tableName, now: clock } = store(deps);
  const now = clock();
  await auditedAction(
    { tenantId: input.tenantId, actor: input.actor.id, action: "queue.claim_release", target: `txn:${input.txnId}` },
    async () => {
      let Attributes: Record<string, unknown> | undefined;
      try {
        ({ Attributes } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { PK: queueItemPk(input.tenantId, input.txnId), SK: QUEUE_ITEM_SK },
            UpdateExpression: "SET #claim = :none",
            ConditionExpression: "attribute_exists(PK) AND #claim.#by = :me",
            ExpressionAttributeNames: { "#claim": "claim", "#by": "by" },
            ExpressionAttributeValues: { ":none": null, ":me": input.actor.id },
            ReturnValues: "ALL_OLD",
          }),
        ));
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
        if (!(await getQueueItem(input, deps))) throw notFound(input.txnId);
        return { outcome: "unchanged", result: undefined };
      }
      const previous = toQueueItem(Attributes ?? {}).claim;
      // Releasing a claim that had already run out changes nothing anyone could see.
      if (!previous || Date.parse(previous.expiresAt) <= now.getTime()) return { outcome: "unchanged", result: undefined };
      return { outcome: "applied", result: undefined, before: previous, after: null };
    },
    deps,
  );
}

export function notFound(txnId: string): AppError {
  return new AppError("not_found", `No transaction ${txnId} in this tenant's queue`);
}
