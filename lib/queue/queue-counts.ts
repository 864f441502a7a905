import { QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { queueCountPk, queueCountSk } from "@/lib/db/keys";
import { store } from "@/lib/db/store";
import { queueDeltaSamples } from "@/lib/metrics/queue-metrics";
import { recordMetrics } from "@/lib/metrics/publish-metrics";
import type { QueueStoreDeps } from "./deps";
import { QUEUE_STATUSES, type QueueStatus } from "./queue-item";

/**
 * Counts per status as ADD counters, not Count queries: a Count query reads every item of a status
 * partition (100k pending items ≈ 200 MB of reads per refresh), while the counters cost one small
 * Query. They are spread over shards because every queued transaction increments one, and a single
 * item per tenant would be a hot key at scoring speed. Without transactions (dynalite has none) a
 * counter write can be lost if the process dies between it and the item write, so counts are a
 * display figure, never used for decisions; negative drift is shown as 0.
 */
export const COUNT_SHARDS = 4;

export type QueueCounts = Record<QueueStatus, number>;

export interface QueueCountsDelta {
  tenantId: string;
  delta: Partial<QueueCounts>;
}

export async function adjustQueueCounts({ tenantId, delta }: QueueCountsDelta, deps: QueueStoreDeps = {}): Promise<void> {
  const entries = Object.entries(delta).filter(([, n]) => n !== 0);
  if (entries.length === 0) return;
  const names: Record<string, string> = {};
  const values: Record<string, number> = {};
  entries.forEach(([status, n], i) => {
    names[`#s${i}`] = status;
    values[`:d${i}`] = n;
  });
  const { db, tableName } = store(deps);
  await db.send(
    new UpdateCommand({
      TableName: tableName,
      Key: { PK: queueCountPk(tenantId), SK: queueCountSk(Math.floor(Math.random() * COUNT_SHARDS)) },
      UpdateExpression: `ADD ${entries.map((_, i) => `#s${i} :d${i}`).join(", ")}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
}

export async function getQueueCounts({ tenantId }: { tenantId: string }, deps: QueueStoreDeps = {}): Promise<QueueCounts> {
  const { db, tableName } = store(deps);
  const { Items = [] } = await db.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: "PK = :pk",
      ExpressionAttributeValues: { ":pk": queueCountPk(tenantId) },
    }),
  );
  const counts = Object.fromEntries(QUEUE_STATUSES.map((s) => [s, 0])) as QueueCounts;
  for (const shard of Items) for (const status of QUEUE_STATUSES) counts[status] += Number(shard[status] ?? 0);
  for (const status of QUEUE_STATUSES) counts[status] = Math.max(0, counts[status]);
  return counts;
}

/**
 * Counter updates never fail the action that caused them: the item is the truth, counts are display.
 * The same change goes to the QueueDelta metric, from which the dashboards draw the backlog over time.
 */
export function adjustQueueCountsQuietly(
  /** `at`: when the change happened (epoch ms), for the QueueDelta metric (lib/metrics/queue-metrics.ts). */
  input: QueueCountsDelta & { at: number },
  deps: QueueStoreDeps = {},
): Promise<void> {
  recordMetrics(queueDeltaSamples(input.tenantId, input.delta, input.at));
  return adjustQueueCounts(input, deps).catch((error: unknown) => console.warn("queue count update failed", error));
}
