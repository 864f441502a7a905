import { DECISIONS } from "@/lib/metrics/decision-metrics";
import type { Series } from "@/lib/metrics/metric-series";
import { panelSeries, tenantMetric, total, type PanelContext } from "../panel-context";

export interface TrafficPanel {
  timestamps: number[];
  /** Transactions scored per step, by decision (stack them). */
  decisions: Record<(typeof DECISIONS)[number], Series>;
  /** Shares 0..1 per step: degraded answers, declines (SUSPICIOUS), step-ups (REVIEW). */
  degradedShare: Series;
  declineRate: Series;
  stepUpRate: Series;
  totals: { scored: number; byDecision: Record<(typeof DECISIONS)[number], number>; degraded: number };
}

/** Transactions scored by decision, and the degraded, decline and step-up rates (the console's Decisions/Degraded metrics). */
export async function trafficPanel(ctx: PanelContext): Promise<TrafficPanel> {
  const metric = (name: string, stat: string, extra: Array<readonly [string, string]> = []) => tenantMetric(ctx, name, stat, extra);
  const { grid, series } = await panelSeries(ctx, [
    ...DECISIONS.map((d) => ({ id: `n_${d}`, metric: metric("Decisions", "Sum", [["Decision", d]]) })),
    { id: "suspicious", metric: metric("Decisions", "Average", [["Decision", "SUSPICIOUS"]]) },
    { id: "review", metric: metric("Decisions", "Average", [["Decision", "REVIEW"]]) },
    { id: "degraded", metric: metric("Degraded", "Average") },
    { id: "degraded_n", metric: metric("Degraded", "Sum") },
  ]);
  const decisions = Object.fromEntries(DECISIONS.map((d) => [d, series[`n_${d}`]!])) as TrafficPanel["decisions"];
  const byDecision = Object.fromEntries(DECISIONS.map((d) => [d, total(decisions[d])])) as TrafficPanel["totals"]["byDecision"];
  return {
    timestamps: grid.timestamps,
    decisions,
    degradedShare: series.degraded!,
    declineRate: series.suspicious!,
    stepUpRate: series.review!,
    totals: { scored: DECISIONS.reduce((n, d) => n + byDecision[d], 0), byDecision, degraded: total(series.degraded_n) },
  };
}
