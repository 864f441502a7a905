import { SCORE_BANDS, SCORE_BAND_WIDTH } from "@/lib/metrics/decision-metrics";
import type { Series } from "@/lib/metrics/metric-series";
import { listDimensionValues } from "../list-dimension-values";
import { panelSeries, tenantMetric, wholeRangePeriod, type PanelContext } from "../panel-context";

export interface QualityPanel {
  timestamps: number[];
  period: number;
  /** Per model version: the share of its flagged transactions analysts confirmed as fraud, by when they were scored. */
  precision: Array<{ modelVersion: string; precision: Series; labels: Series; overall: number | null; labelled: number }>;
  /**
   * The recent stretch whose verdicts are still arriving: from `now − p90(time to verdict)` to now.
   * Precision there is provisional. Null without verdicts in the range.
   */
  labelLag: { from: number; seconds: number } | null;
  /** Scored transactions of the range per score band [from, from + width). */
  scoreHistogram: Array<{ from: number; to: number; count: number }>;
}

/**
 * Model quality from verdicts (FlaggedPrecision, dated at scoring time) and the range's score
 * distribution (ScoreBand), in one GetMetricData after one ListMetrics for the versions.
 */
export async function qualityPanel(ctx: PanelContext): Promise<QualityPanel> {
  const period = Math.max(3600, ctx.range.step);
  const versions = await listDimensionValues(ctx, "FlaggedPrecision", "ModelVersion");
  const metric = (name: string, stat: string, extra: Array<readonly [string, string]>) => tenantMetric(ctx, name, stat, extra);
  const span = wholeRangePeriod(ctx, period);
  const { grid, series, raw } = await panelSeries(
    ctx,
    [
      ...versions.flatMap((v, i) => [
        { id: `p${i}`, metric: metric("FlaggedPrecision", "Average", [["ModelVersion", v]]) },
        { id: `n${i}`, metric: metric("FlaggedPrecision", "SampleCount", [["ModelVersion", v]]) },
        { id: `f${i}`, metric: metric("FlaggedPrecision", "Sum", [["ModelVersion", v]]), period: span },
        { id: `c${i}`, metric: metric("FlaggedPrecision", "SampleCount", [["ModelVersion", v]]), period: span },
      ]),
      ...SCORE_BANDS.map((band, i) => ({ id: `b${i}`, metric: metric("ScoreBand", "Sum", [["Band", band]]), period: span })),
      { id: "lag", metric: metric("TimeToVerdict", "p90", []), period: span },
    ],
    { step: period },
  );
  const whole = (id: string) => (raw[id] ?? []).reduce((n, p) => n + p.value, 0);
  const lag = raw.lag?.[0]?.value;
  return {
    timestamps: grid.timestamps,
    period,
    precision: versions.map((modelVersion, i) => {
      const labelled = whole(`c${i}`);
      return {
        modelVersion,
        precision: series[`p${i}`]!,
        labels: series[`n${i}`]!,
        labelled,
        overall: labelled > 0 ? whole(`f${i}`) / labelled : null,
      };
    }),
    labelLag: lag === undefined ? null : { from: ctx.now - lag * 1000, seconds: lag },
    scoreHistogram: SCORE_BANDS.map((band, i) => ({ from: Number(band), to: Number(band) + SCORE_BAND_WIDTH, count: whole(`b${i}`) })),
  };
}
