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

/** Sum of a series, treating gaps as nothing. */
export function total(series: ReadonlyArray<number | null> | undefined): number {
  return (series ?? []).reduce<number>((n, v) => n + (v ?? 0), 0);
}
