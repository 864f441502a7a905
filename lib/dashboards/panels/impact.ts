import type { Series } from "@/lib/metrics/metric-series";
import { listDimensionValues } from "../list-dimension-values";
import { panelSeries, tenantMetric, total, type PanelContext } from "../panel-context";

export interface ImpactPanel {
  /** UTC days. */
  timestamps: number[];
  /** One entry per currency seen, largest volume first; amounts are never converted between currencies. */
  currencies: Array<{
    currency: string;
    /** Amounts analysts confirmed as fraud that the console declined (SUSPICIOUS). */
    fraudDeclined: Series;
    /** Amounts stepped up for review (REVIEW) when scored. */
    heldForReview: Series;
    /** Legitimate amounts declined or stepped up (false positives): the friction customers felt. */
    falsePositiveFriction: Series;
    totals: { fraudDeclined: number; heldForReview: number; falsePositiveFriction: number };
  }>;
}

const DAY_SECONDS = 86_400;

/**
 * Business impact per day in each currency the tenant's payments use, from the amounts the console
 * publishes at scoring (DecisionAmount) and at verdict (VerdictAmount, dated at scoring time).
 */
export async function impactPanel(ctx: PanelContext): Promise<ImpactPanel> {
  const currencies = await listDimensionValues(ctx, "DecisionAmount", "Currency");
  const metric = (name: string, extra: Array<readonly [string, string]>) => tenantMetric(ctx, name, "Sum", extra);
  const { grid, series } = await panelSeries(
    ctx,
    currencies.flatMap((c, i) => {
      const currency = ["Currency", c] as const;
      return [
        { id: `fd${i}`, metric: metric("VerdictAmount", [["Verdict", "fraud"], ["Decision", "SUSPICIOUS"], currency]) },
        { id: `hr${i}`, metric: metric("DecisionAmount", [["Decision", "REVIEW"], currency]) },
        { id: `fs${i}`, metric: metric("VerdictAmount", [["Verdict", "legit"], ["Decision", "SUSPICIOUS"], currency]), hidden: true },
        { id: `fr${i}`, metric: metric("VerdictAmount", [["Verdict", "legit"], ["Decision", "REVIEW"], currency]), hidden: true },
        { id: `fp${i}`, expression: `SUM([fs${i}, fr${i}])` },
        { id: `all${i}`, metric: metric("DecisionAmount", [["Decision", "LEGIT"], currency]) },
      ];
    }),
    { step: DAY_SECONDS },
  );
  const rows = currencies.map((currency, i) => ({
    currency,
    fraudDeclined: series[`fd${i}`]!,
    heldForReview: series[`hr${i}`]!,
    falsePositiveFriction: series[`fp${i}`]!,
    totals: {
      fraudDeclined: total(series[`fd${i}`]),
      heldForReview: total(series[`hr${i}`]),
      falsePositiveFriction: total(series[`fp${i}`]),
    },
    volume: total(series[`all${i}`]) + total(series[`hr${i}`]),
  }));
  rows.sort((a, b) => b.volume - a.volume);
  return { timestamps: grid.timestamps, currencies: rows.map(({ volume: _volume, ...row }) => row) };
}
