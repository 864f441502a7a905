import { GetMetricDataCommand, type CloudWatchClient, type MetricDataQuery } from "@aws-sdk/client-cloudwatch";
import { cloudWatchClient } from "@/lib/aws/clients";

/**
 * One GetMetricData call (followed through its NextToken pages) for a set of queries, answered as
 * series aligned on one time grid — the shape charts want. Buckets with no datapoint are null, not 0:
 * "no traffic" and "no data" are different things, and each query says which it means (metric math
 * FILL(m, 0) where a gap means zero).
 */
export interface TimeGrid {
  /** Epoch ms of each bucket's start, ascending. */
  timestamps: number[];
  /** Seconds. */
  period: number;
}

export type Series = Array<number | null>;

export interface MetricQuery {
  id: string;
  /** Either a metric and statistic … */
  metric?: { namespace: string; name: string; dimensions: ReadonlyArray<readonly [string, string]>; stat: string; unit?: string };
  /** … or metric math over other queries' ids. */
  expression?: string;
  /** Intermediate queries (inputs of an expression) are not returned. */
  hidden?: boolean;
  /** Overrides the grid's period for this query (e.g. one bucket over the whole range). */
  period?: number;
}

export interface SeriesResult {
  grid: TimeGrid;
  series: Record<string, Series>;
  /** Every datapoint of every returned query, bucketed by its own period (for whole-range queries). */
  raw: Record<string, Array<{ at: number; value: number }>>;
  /** How many GetMetricData requests it took (pages). */
  calls: number;
}

/** The buckets of [from, to) at `period` seconds, aligned to the period as CloudWatch aligns them. */
export function timeGrid(from: number, to: number, period: number): TimeGrid {
  const step = period * 1000;
  const timestamps: number[] = [];
  for (let t = Math.floor(from / step) * step; t < to; t += step) timestamps.push(t);
  return { timestamps, period };
}

export function toMetricDataQuery(q: MetricQuery, period: number): MetricDataQuery {
  const ReturnData = !q.hidden;
  if (q.expression !== undefined) return { Id: q.id, Expression: q.expression, Period: q.period ?? period, ReturnData };
  const m = q.metric!;
  return {
    Id: q.id,
    ReturnData,
    MetricStat: {
      Metric: { Namespace: m.namespace, MetricName: m.name, Dimensions: m.dimensions.map(([Name, Value]) => ({ Name, Value })) },
      Period: q.period ?? period,
      Stat: m.stat,
      Unit: m.unit as never,
    },
  };
}

export async function getMetricSeries(
  queries: readonly MetricQuery[],
  range: { from: number; to: number; period: number },
  deps: { cloudWatch?: Pick<CloudWatchClient, "send"> } = {},
): Promise<SeriesResult> {
  const cw = deps.cloudWatch ?? cloudWatchClient();
  const grid = timeGrid(range.from, range.to, range.period);
  const raw: SeriesResult["raw"] = Object.fromEntries(queries.filter((q) => !q.hidden).map((q) => [q.id, []]));
  let calls = 0;
  if (queries.length > 0) {
    let NextToken: string | undefined;
    do {
      const page = await cw.send(
        new GetMetricDataCommand({
          MetricDataQueries: queries.map((q) => toMetricDataQuery(q, range.period)),
          StartTime: new Date(grid.timestamps[0] ?? range.from),
          EndTime: new Date(range.to),
          ScanBy: "TimestampAscending",
          NextToken,
        }),
      );
      calls++;
      for (const result of page.MetricDataResults ?? []) {
        const points = (raw[result.Id ?? ""] ??= []);
        (result.Timestamps ?? []).forEach((t, i) => points.push({ at: t.getTime(), value: result.Values?.[i] ?? 0 }));
      }
      NextToken = page.NextToken;
    } while (NextToken);
  }
  const index = new Map(grid.timestamps.map((t, i) => [t, i]));
  const series: SeriesResult["series"] = {};
  for (const [id, points] of Object.entries(raw)) {
    const values: Series = grid.timestamps.map(() => null);
    for (const p of points) {
      const i = index.get(p.at);
      if (i !== undefined) values[i] = p.value;
    }
    series[id] = values;
  }
  return { grid, series, raw, calls };
}
