import type { Series } from "@/lib/metrics/metric-series";
import { VERDICTS } from "@/lib/queue/queue-item";
import { listDimensionValues } from "../list-dimension-values";
import { panelSeries, tenantMetric, total, wholeRangePeriod, type PanelContext } from "../panel-context";

export interface AnalystsPanel {
  /** Hourly buckets (or the range's step when coarser). */
  timestamps: number[];
  period: number;
  byAnalyst: Array<{ analyst: string; verdicts: Series; total: number }>;
  byVerdict: Record<(typeof VERDICTS)[number], Series>;
  /** Seconds from queued to verdict over the whole range; null without verdicts. */
  medianTimeToVerdict: number | null;
  verdicts: number;
}

/**
 * Verdicts per hour by analyst and by verdict, and the median time from queued to verdict (the
 * AnalystVerdicts, Verdicts and TimeToVerdict metrics): the analysts from ListMetrics, then every
 * series from one GetMetricData.
 */
export async function analystsPanel(ctx: PanelContext): Promise<AnalystsPanel> {
  const period = Math.max(3600, ctx.range.step);
  const analysts = await listDimensionValues(ctx, "AnalystVerdicts", "Analyst");
  const metric = (name: string, stat: string, extra: Array<readonly [string, string]>) => tenantMetric(ctx, name, stat, extra);
  const span = wholeRangePeriod(ctx, period);
  const { grid, series, raw } = await panelSeries(
    ctx,
    [
      ...analysts.map((a, i) => ({ id: `a${i}`, metric: metric("AnalystVerdicts", "Sum", [["Analyst", a]]) })),
      ...VERDICTS.map((v) => ({ id: `v_${v}`, metric: metric("Verdicts", "Sum", [["Verdict", v]]) })),
      // One bucket over the whole range: the median of every verdict in it, not a median of medians.
      { id: "ttv", metric: metric("TimeToVerdict", "p50", []), period: span },
      { id: "ttvn", metric: metric("TimeToVerdict", "SampleCount", []), period: span },
    ],
    { step: period },
  );
  const byAnalyst = analysts
    .map((analyst, i) => ({ analyst, verdicts: series[`a${i}`]!, total: total(series[`a${i}`]) }))
    .filter((a) => a.total > 0)
    .sort((a, b) => b.total - a.total);
  return {
    timestamps: grid.timestamps,
    period,
    byAnalyst,
    byVerdict: Object.fromEntries(VERDICTS.map((v) => [v, series[`v_${v}`]!])) as AnalystsPanel["byVerdict"],
    medianTimeToVerdict: raw.ttv?.[0]?.value ?? null,
    verdicts: (raw.ttvn ?? []).reduce((n, p) => n + p.value, 0),
  };
}
