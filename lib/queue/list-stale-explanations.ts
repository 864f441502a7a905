import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient } from "@/lib/aws/clients";
import { queueStatusIndexPk } from "@/lib/db/keys";
import { env } from "@/lib/env";
import type { QueueStoreDeps } from "./deps";
import { QUEUE_STATUSES, type QueueItem } from "./queue-item";
import { toQueueItem } from "./stored-item";

/** Explanations are asked for when an item is queued, so a stale one is recent; older ones are left as they are. */
export const STALE_LOOKBACK_MS = 24 * 3_600_000;
const MAX_PER_STATUS = 500;

/**
 * A tenant's queue items whose explanation is pending with an expired lease, queued within the
 * look-back: Query on GSI1 (status partition, created order) with a filter, never Scan. Every status
 * is searched, since an analyst may decide an item before its explanation arrives.
 */
export async function listStaleExplanations(
  input: { tenantId: string; lookbackMs?: number; limit?: number },
  deps: QueueStoreDeps = {},
): Promise<QueueItem[]> {
  const now = deps.now?.() ?? new Date();
  const db = deps.db ?? documentClient();
  const from = new Date(now.getTime() - (input.lookbackMs ?? STALE_LOOKBACK_MS)).toISOString();
  const limit = input.limit ?? MAX_PER_STATUS;
  const found: QueueItem[] = [];
  for (const status of QUEUE_STATUSES) {
    let startKey: Record<string, unknown> | undefined;
    let read = 0;
    do {
      const page = await db.send(
        new QueryCommand({
          TableName: deps.tableName ?? env().TABLE_NAME,
          IndexName: "GSI1",
          KeyConditionExpression: "GSI1PK = :pk AND GSI1SK >= :from",
          FilterExpression: "explanation.#state = :pending AND explanation.leaseUntil <= :now",
          ExpressionAttributeNames: { "#state": "state" },
          ExpressionAttributeValues: {
            ":pk": queueStatusIndexPk(input.tenantId, status),
            ":from": from,
            ":pending": "pending",
            ":now": now.toISOString(),
          },
          ExclusiveStartKey: startKey,
          Limit: 1000,
        }),
      );
      for (const raw of page.Items ?? []) found.push(toQueueItem(raw));
      read += page.ScannedCount ?? 0;
      startKey = page.LastEvaluatedKey;
    } while (startKey && read < limit * 20 && found.length < limit);
  }
  return found;
}
