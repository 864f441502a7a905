import { queueScoreIndexSk, queueStatusIndexPk, queueStatusIndexSk } from "@/lib/db/keys";
import type { QueueItem, QueueStatus } from "./queue-item";

const KEY_ATTRIBUTES = new Set(["PK", "SK", "GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK"]);

/** The index attributes that file an item under a status: GSI1 in age order, GSI2 in score order. */
export function statusIndexKeys(item: Pick<QueueItem, "tenantId" | "txnId" | "createdAt" | "score">, status: QueueStatus) {
  const partition = queueStatusIndexPk(item.tenantId, status);
  return {
    GSI1PK: partition,
    GSI1SK: queueStatusIndexSk(item.createdAt, item.txnId),
    GSI2PK: partition,
    GSI2SK: queueScoreIndexSk(item.score, item.txnId),
  };
}

/** A stored queue item without its key attributes; items from before versions existed count as version 1. */
export function toQueueItem(stored: Record<string, unknown>): QueueItem {
  const item = Object.fromEntries(Object.entries(stored).filter(([name]) => !KEY_ATTRIBUTES.has(name))) as unknown as QueueItem;
  return { ...item, version: item.version ?? 1, claim: item.claim ?? null, verdict: item.verdict ?? null };
}
