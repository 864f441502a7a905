import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { AppError } from "@/lib/errors/app-error";
import { QUEUE_ITEM_SK, queueItemPk, queueLinkPk, queueLinkSk } from "@/lib/db/keys";
import { isConditionFailed } from "@/lib/db/condition";
import { store, type Store } from "@/lib/db/store";
import type { QueueStoreDeps } from "./deps";
import { adjustQueueCountsQuietly } from "./queue-counts";
import type { QueueItem } from "./queue-item";
import { statusIndexKeys, toQueueItem } from "./stored-item";
import { withRetries } from "./with-retries";

export { toQueueItem } from "./stored-item";

export interface EnqueueResult {
  /** False when the txn_id was already queued: `item` is then the original, unchanged. */
  isNew: boolean;
  item: QueueItem;
}

/**
 * Puts a flagged transaction in the review queue exactly once per (tenant, txn_id): a conditional put
 * that only creates. A retry (or 50 concurrent copies) finds the first write and gets its decision
 * back. DynamoDB trouble is retried; if it persists the caller gets 503 (a case must not be lost).
 * Customer/card links are written beside it (idempotent puts, so a retry rewrites the same items)
 * and the pending count goes up once, only for the write that created the item.
 */
export async function enqueueTransaction(input: QueueItem, deps: QueueStoreDeps = {}): Promise<EnqueueResult> {
  const { db, tableName: TableName } = store(deps);
  const item: QueueItem = { ...input, version: 1, claim: null, verdict: null };
  const Key = { PK: queueItemPk(item.tenantId, item.txnId), SK: QUEUE_ITEM_SK };
  const put = () =>
    db.send(
      new PutCommand({
        TableName,
        Item: { ...Key, ...statusIndexKeys(item, item.status), ...item },
        ConditionExpression: "attribute_not_exists(PK)",
      }),
    );
  const [created] = await Promise.allSettled([withRetries(put, deps.retry), writeLinks(item, { ...deps, db, tableName: TableName })]);
  if (created.status === "fulfilled") {
    await adjustQueueCountsQuietly(
      { tenantId: item.tenantId, delta: { [item.status]: 1 }, at: Date.parse(item.createdAt) },
      { ...deps, db, tableName: TableName },
    );
    return { isNew: true, item };
  }
  if (!isConditionFailed(created.reason)) throw unavailable(created.reason);
  const original = await withRetries(() => db.send(new GetCommand({ TableName, Key, ConsistentRead: true })), deps.retry).catch(
    (error: unknown) => {
      throw unavailable(error);
    },
  );
  if (!original.Item) throw unavailable(new Error("queue item vanished after a conditional-check failure"));
  return { isNew: false, item: toQueueItem(original.Item) };
}

/** Links are a look-up aid for the detail page: losing one must not fail the scoring request. */
async function writeLinks(item: QueueItem, deps: Pick<Store, "db" | "tableName">): Promise<void> {
  const links = (["customer", "card"] as const)
    .map((kind) => ({ kind, id: kind === "customer" ? item.transaction.customer_id : item.transaction.card_id }))
    .filter((link): link is { kind: "customer" | "card"; id: string } => Boolean(link.id));
  await Promise.all(
    links.map((link) =>
      deps.db
        .send(
          new PutCommand({
            TableName: deps.tableName,
            Item: { PK: queueLinkPk(item.tenantId, link.kind, link.id), SK: queueLinkSk(item.createdAt, item.txnId), txnId: item.txnId },
          }),
        )
        .catch((error: unknown) => console.warn("queue link write failed", error)),
    ),
  );
}

function unavailable(cause: unknown): AppError {
  console.error("review queue write failed", cause);
  return new AppError("unavailable", "The review queue is unavailable; retry the request with the same txn_id", { cause });
}
