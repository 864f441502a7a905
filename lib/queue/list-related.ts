import { BatchGetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { QUEUE_ITEM_SK, queueItemPk, queueLinkPk } from "@/lib/db/keys";
import { store } from "@/lib/db/store";
import type { QueueStoreDeps } from "./deps";
import type { QueueItem } from "./queue-item";
import { toQueueRow, type QueueRow } from "./queue-row";
import { toQueueItem } from "./stored-item";

export const RELATED_LIMIT = 20;

export interface RelatedRow extends QueueRow {
  /** What links it to the transaction being viewed. */
  sharedBy: Array<"customer" | "card">;
}

/**
 * Other queued transactions of the same customer or card, newest first, from the link items the
 * queue writes (a Query per link partition, then one BatchGet for their current state).
 */
export async function listRelated(input: { tenantId: string; item: QueueItem }, deps: QueueStoreDeps = {}): Promise<RelatedRow[]> {
  const { db, tableName: TableName, now: clock } = store(deps);
  const now = clock();
  const links = [
    { kind: "customer" as const, id: input.item.transaction.customer_id },
    { kind: "card" as const, id: input.item.transaction.card_id },
  ].filter((l): l is { kind: "customer" | "card"; id: string } => Boolean(l.id));
  const sharedBy = new Map<string, Array<"customer" | "card">>();
  await Promise.all(
    links.map(async (link) => {
      const { Items = [] } = await db.send(
        new QueryCommand({
          TableName,
          KeyConditionExpression: "PK = :pk",
          ExpressionAttributeValues: { ":pk": queueLinkPk(input.tenantId, link.kind, link.id) },
          ScanIndexForward: false,
          Limit: RELATED_LIMIT + 1,
        }),
      );
      for (const { txnId } of Items as Array<{ txnId: string }>) {
        if (txnId !== input.item.txnId) sharedBy.set(txnId, [...(sharedBy.get(txnId) ?? []), link.kind]);
      }
    }),
  );
  const ids = [...sharedBy.keys()].slice(0, RELATED_LIMIT);
  if (ids.length === 0) return [];
  const { Responses } = await db.send(
    new BatchGetCommand({
      RequestItems: { [TableName]: { Keys: ids.map((id) => ({ PK: queueItemPk(input.tenantId, id), SK: QUEUE_ITEM_SK })) } },
    }),
  );
  return (Responses?.[TableName] ?? [])
    .map((stored) => toQueueItem(stored))
    .map((item) => ({ ...toQueueRow(item, now), sharedBy: sharedBy.get(item.txnId) ?? [] }))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
