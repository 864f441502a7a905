import "server-only";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { AppError } from "@/lib/api/app-error";
import { documentClient } from "@/lib/aws/clients";
import { QUEUE_ITEM_SK, queueItemPk, queueStatusIndexPk, queueStatusIndexSk } from "@/lib/db/keys";
import { env } from "@/lib/env";
import type { QueueStoreDeps } from "./deps";
import type { QueueItem } from "./queue-item";
import { withRetries } from "./with-retries";

export interface EnqueueResult {
  /** False when the txn_id was already queued: `item` is then the original, unchanged. */
  isNew: boolean;
  item: QueueItem;
}

/**
 * Puts a flagged transaction in the review queue exactly once per (tenant, txn_id): a conditional put
 * that only creates. A retry (or 50 concurrent copies) finds the first write and gets its decision
 * back. DynamoDB trouble is retried; if it persists the caller gets 503 (a case must not be lost).
 */
export async function enqueueTransaction(item: QueueItem, deps: QueueStoreDeps = {}): Promise<EnqueueResult> {
  const db = deps.db ?? documentClient();
  const TableName = deps.tableName ?? env().TABLE_NAME;
  const Key = { PK: queueItemPk(item.tenantId, item.txnId), SK: QUEUE_ITEM_SK };
  try {
    await withRetries(
      () =>
        db.send(
          new PutCommand({
            TableName,
            Item: { ...Key, GSI1PK: queueStatusIndexPk(item.tenantId, item.status), GSI1SK: queueStatusIndexSk(item.createdAt, item.txnId), ...item },
            ConditionExpression: "attribute_not_exists(PK)",
          }),
        ),
      deps.retry,
    );
    return { isNew: true, item };
  } catch (error) {
    if ((error as Error).name !== "ConditionalCheckFailedException") throw unavailable(error);
  }
  const original = await withRetries(() => db.send(new GetCommand({ TableName, Key, ConsistentRead: true })), deps.retry).catch(
    (error: unknown) => {
      throw unavailable(error);
    },
  );
  if (!original.Item) throw unavailable(new Error("queue item vanished after a conditional-check failure"));
  return { isNew: false, item: toQueueItem(original.Item) };
}

export function toQueueItem(stored: Record<string, unknown>): QueueItem {
  const { PK: _pk, SK: _sk, GSI1PK: _g1pk, GSI1SK: _g1sk, ...item } = stored;
  return item as unknown as QueueItem;
}

function unavailable(cause: unknown): AppError {
  console.error("review queue write failed", cause);
  return new AppError("unavailable", "The review queue is unavailable; retry the request with the same txn_id", { cause });
}
