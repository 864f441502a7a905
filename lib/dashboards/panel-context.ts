import type { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import type { StoreDeps } from "@/lib/db/store";
import { getMetricSeries, type MetricQuery, type SeriesResult } from "@/lib/metrics/metric-series";
import type { DashboardRange } from "./range";

/** What every panel builder gets: the tenant, its endpoint, the range and the clients. */
export interface PanelContext {
  tenantId: string;
  endpointName: string;
  range: DashboardRange;
  now: number;
  /** The console's own metrics namespace (METRICS_NAMESPACE). */
  namespace: string;
  deps: PanelDeps;
}

export interface PanelDeps extends StoreDeps {
  cloudWatch?: Pick<CloudWatchClient, "send">;
  /** Counts GetMetricData requests across the panels of one dashboard (the benchmark prints it). */
  onMetricCalls?: (calls: number) => void;
}

/** One GetMetricData (and its pages) for a panel's queries over the dashboard's range. */
export async function panelSeries(
  ctx: PanelContext,
  queries: readonly MetricQuery[],
  range: Partial<DashboardRange> = {},
): Promise<SeriesResult> {
  const { from, to, step } = { ...ctx.range, ...range };
  const result = await getMetricSeries(queries, { from, to, period: step }, { cloudWatch: ctx.deps.cloudWatch });
  ctx.deps.onMetricCalls?.(result.calls);
  return result;
}

export const tenantDimension = (ctx: PanelContext) => ["TenantId", ctx.tenantId] as const;

type Dimension = readonly [string, string];

/** One of the console's metrics for this tenant (namespace and TenantId filled in), with more dimensions. */
export function tenantMetric(
  ctx: PanelContext,
  name: string,
  stat: string,
  dimensions: readonly Dimension[] = [],
): NonNullable<MetricQuery["metric"]> {
  return { namespace: ctx.namespace, name, stat, dimensions: [tenantDimension(ctx), ...dimensions] };
}

/**
 * The period of one bucket over the whole range on a grid of `period` seconds: it starts where the
 * grid starts (the range's start rounded down to the period) and runs, in whole minutes, to the end.
 * A whole-range statistic (a median of every verdict, not a median of medians) asks for it.
 */
export function wholeRangePeriod(ctx: PanelContext, period: number): number {
  const gridStart = Math.floor(ctx.range.from / (period * 1000)) * period * 1000;
  return Math.ceil((ctx.range.to - gridStart) / 60_000) * 60;
}

/** Sum of a series, treating gaps as nothing. */
export function total(series: ReadonlyArray<number | null> | undefined): number {
  return (series ?? []).reduce<number>((n, v) => n + (v ?? 0), 0);
}
