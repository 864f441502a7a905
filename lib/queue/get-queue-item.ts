import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { QUEUE_ITEM_SK, queueItemPk } from "@/lib/db/keys";
import { store } from "@/lib/db/store";
import type { QueueStoreDeps } from "./deps";
import type { QueueItem } from "./queue-item";
import { toQueueItem } from "./stored-item";

/** A tenant's queue item by txn_id, or null; another tenant's txn_id simply isn't found. */
export async function getQueueItem(
  input: { tenantId: string; txnId: string; consistent?: boolean },
  deps: QueueStoreDeps = {},
): Promise<QueueItem | null> {
  const { db, tableName } = store(deps);
  const { Item } = await db.send(
    new GetCommand({
      TableName: tableName,
      Key: { PK: queueItemPk(input.tenantId, input.txnId), SK: QUEUE_ITEM_SK },
      ConsistentRead: input.consistent,
    }),
  );
  return Item ? toQueueItem(Item) : null;
}
