import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { queueStatusIndexPk } from "@/lib/db/keys";
import { store } from "@/lib/db/store";
import type { Series } from "@/lib/metrics/metric-series";
import { getQueueCounts, type QueueCounts } from "@/lib/queue/queue-counts";
import { PENDING_STATUSES, type QueueItem, type QueueStatus } from "@/lib/queue/queue-item";
import { SLA_MINUTES } from "@/lib/queue/sla";
import { panelSeries, tenantMetric, type PanelContext } from "../panel-context";

export interface QueuePanel {
  timestamps: number[];
  /** Pending items at the end of each step, by status. */
  backlog: Record<"open" | "escalated", Series>;
  counts: QueueCounts;
  /** Pending items older than their decision's SLA (SLA_MINUTES), now; `capped` when there were more to read than PAST_SLA_READ_LIMIT. */
  pastSla: { count: number; capped: boolean };
  oldestPending: { txnId: string; createdAt: string; ageSeconds: number } | null;
}

/** Reading pending items older than the shortest SLA stops here; the count is then shown as "at least". */
export const PAST_SLA_READ_LIMIT = 5_000;

/**
 * The queue now and over the range. The backlog series is derived, not sampled: every status change
 * publishes ±1 on QueueDelta (lib/metrics/queue-metrics.ts), so the count at the end of a step is
 * today's count minus every change after it — exact to the minute with no periodic job. Changes are
 * read from the range's start to now, so a range that ends in the past still sees what came after.
 */
export async function queuePanel(ctx: PanelContext): Promise<QueuePanel> {
  const statuses = ["open", "escalated"] as const;
  const [deltas, counts, pastSla, oldestPending] = await Promise.all([
    panelSeries(
      ctx,
      statuses.map((status) => ({
        id: `d_${status}`,
        metric: tenantMetric(ctx, "QueueDelta", "Sum", [["Status", status]]),
      })),
      { to: Math.max(ctx.range.to, ctx.now) },
    ),
    getQueueCounts({ tenantId: ctx.tenantId }, ctx.deps),
    countPastSla(ctx),
    oldestPendingItem(ctx),
  ]);
  const inRange = deltas.grid.timestamps.filter((t) => t < ctx.range.to).length;
  const backlog = Object.fromEntries(
    statuses.map((status) => [status, backlogSeries(counts[status], deltas.series[`d_${status}`] ?? [], inRange)]),
  ) as QueuePanel["backlog"];
  return { timestamps: deltas.grid.timestamps.slice(0, inRange), backlog, counts, pastSla, oldestPending };
}

/** The count at the end of each of the first `length` steps: `current` minus the changes of every later step. */
export function backlogSeries(current: number, deltas: ReadonlyArray<number | null>, length: number): Series {
  const out: Series = Array.from({ length }, () => null);
  let after = 0;
  for (let i = deltas.length - 1; i >= 0; i--) {
    if (i < length) out[i] = Math.max(0, current - after);
    after += deltas[i] ?? 0;
  }
  return out;
}

async function countPastSla(ctx: PanelContext): Promise<QueuePanel["pastSla"]> {
  const { db, tableName } = store(ctx.deps);
  const shortest = Math.min(...Object.values(SLA_MINUTES));
  const cutoff = new Date(ctx.now - shortest * 60_000).toISOString();
  let count = 0;
  let read = 0;
  for (const status of PENDING_STATUSES) {
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: "GSI1",
          KeyConditionExpression: "GSI1PK = :pk AND GSI1SK < :cutoff",
          ExpressionAttributeValues: { ":pk": queueStatusIndexPk(ctx.tenantId, status), ":cutoff": cutoff },
          ProjectionExpression: "createdAt, decision",
          ExclusiveStartKey,
        }),
      );
      for (const item of (page.Items ?? []) as Array<Pick<QueueItem, "createdAt" | "decision">>) {
        read++;
        if (ctx.now - Date.parse(item.createdAt) > SLA_MINUTES[item.decision] * 60_000) count++;
      }
      ExclusiveStartKey = page.LastEvaluatedKey;
      if (read >= PAST_SLA_READ_LIMIT) return { count, capped: ExclusiveStartKey !== undefined || status !== PENDING_STATUSES.at(-1) };
    } while (ExclusiveStartKey);
  }
  return { count, capped: false };
}

async function oldestPendingItem(ctx: PanelContext): Promise<QueuePanel["oldestPending"]> {
  const { db, tableName } = store(ctx.deps);
  const firsts = await Promise.all(
    PENDING_STATUSES.map(async (status: QueueStatus) => {
      const { Items = [] } = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: "GSI1",
          KeyConditionExpression: "GSI1PK = :pk",
          ExpressionAttributeValues: { ":pk": queueStatusIndexPk(ctx.tenantId, status) },
          ProjectionExpression: "txnId, createdAt",
          Limit: 1,
        }),
      );
      return Items[0] as Pick<QueueItem, "txnId" | "createdAt"> | undefined;
    }),
  );
  const oldest = firsts.filter((i) => i !== undefined).sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
  if (!oldest) return null;
  return {
    txnId: oldest.txnId,
    createdAt: oldest.createdAt,
    ageSeconds: Math.max(0, Math.round((ctx.now - Date.parse(oldest.createdAt)) / 1000)),
  };
}
