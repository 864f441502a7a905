import type { MetricDatum } from "@aws-sdk/client-cloudwatch";
import type { Transaction } from "@/lib/features/transaction";
import type { ScoreResult } from "@/lib/scoring/score-result";
import { createMetricAggregator, twoSignificantDigits, type MetricSample } from "./metric-aggregator";

/**
 * The console's own scoring metrics (namespace METRICS_NAMESPACE), aggregated in memory per tenant
 * and minute (metric-aggregator.ts) and drained as CloudWatch datums (publish-decision-metrics.ts
 * sends them). Recording is a few map updates so it can sit on the hot path. One value per decision,
 * so every statistic means what it means on AWS:
 *
 * | metric         | dimensions                      | value                              | read as |
 * |----------------|---------------------------------|------------------------------------|---------|
 * | Decisions      | TenantId, Decision              | 1 if the decision was that one, else 0 | Sum = count, Average = share |
 * | Degraded       | TenantId                        | 1 if degraded, else 0              | Average = degraded share |
 * | RuleOnly       | TenantId                        | 1 if a rule decided without the model | Average |
 * | Errors         | TenantId                        | 0 per decision, 1 per request answered 5xx | Sum = errors, SampleCount = requests (lib/error-budget) |
 * | Latency        | TenantId                        | the route's latency, ms            | p50/p95/p99 |
 * | VariantLatency | TenantId, Variant               | the same, per variant that answered (1-second storage, 10 s datums) | p50/p95/p99; the canary's latency alarm |
 * | ScoreBand      | TenantId, Band (0.00 … 0.95)    | 1 per scored transaction           | Sum = histogram bar |
 * | DecisionAmount | TenantId, Decision, Currency    | the transaction's amount           | Sum (StatisticSet) |
 */
export const DECISIONS = ["LEGIT", "REVIEW", "SUSPICIOUS"] as const;
export type MetricDecision = (typeof DECISIONS)[number];

/** The score histogram's bands: 20 of width 0.05, named by their lower edge. */
export const SCORE_BAND_WIDTH = 0.05;
export const SCORE_BANDS: readonly string[] = Array.from({ length: 20 }, (_, i) => (i * SCORE_BAND_WIDTH).toFixed(2));

export function scoreBand(score: number): string {
  const index = Math.min(SCORE_BANDS.length - 1, Math.max(0, Math.floor(score / SCORE_BAND_WIDTH + 1e-9)));
  return SCORE_BANDS[index]!;
}

export interface DecisionSample {
  tenantId: string;
  decision: MetricDecision;
  degraded: boolean;
  ruleOnly: boolean;
  /** The answer's latency; null when none was measured for this transaction alone (the seeded history scores in batches). */
  latencyMs: number | null;
  /** Epoch ms. */
  at: number;
  /** The variant that answered, when the model did. */
  variant?: string | null;
  score?: number | null;
  amount?: number;
  currency?: string;
}

/** Latencies kept to two significant digits: percentiles stay within ~5%, a busy minute has few distinct values. */
export const roundLatency = twoSignificantDigits;

export function decisionSamples(sample: DecisionSample): MetricSample[] {
  const tenant = ["TenantId", sample.tenantId] as const;
  const at = sample.at;
  const one = (name: string, value: number, extra: MetricSample["dimensions"] = []): MetricSample => ({
    name,
    dimensions: [tenant, ...extra],
    value,
    unit: "Count",
    at,
  });
  // Zeros are sent too: a graph of REVIEW decisions shows 0, not a gap, in a quiet minute.
  const samples = DECISIONS.map((d) => one("Decisions", d === sample.decision ? 1 : 0, [["Decision", d]]));
  samples.push(one("Degraded", sample.degraded ? 1 : 0), one("RuleOnly", sample.ruleOnly ? 1 : 0), one("Errors", 0));
  if (sample.latencyMs !== null) {
    const latency = roundLatency(sample.latencyMs);
    samples.push({ name: "Latency", dimensions: [tenant], value: latency, unit: "Milliseconds", at });
    // High resolution: the canary's latency alarm reads it in 10 s periods in tests and the demo
    // (lib/deployments/alarm-definitions.ts).
    if (sample.variant) {
      const dimensions = [tenant, ["Variant", sample.variant]] as const;
      samples.push({ name: "VariantLatency", dimensions, value: latency, unit: "Milliseconds", at, highResolution: true });
    }
  }
  if (sample.score != null) samples.push(one("ScoreBand", 1, [["Band", scoreBand(sample.score)]]));
  if (sample.amount !== undefined && sample.currency) {
    samples.push({
      name: "DecisionAmount",
      dimensions: [tenant, ["Decision", sample.decision], ["Currency", sample.currency]],
      value: sample.amount,
      unit: "None",
      at,
      shape: "sum",
    });
  }
  return samples;
}

/** The metrics sample of one scored transaction (the live route and the seeded history alike). */
export function decisionSampleOf(tenantId: string, result: ScoreResult, txn: Transaction | undefined, at: number): DecisionSample {
  return {
    tenantId,
    decision: result.decision,
    degraded: result.degraded,
    // No score and not degraded: a rule decided without asking the model.
    ruleOnly: result.score === null && !result.degraded,
    latencyMs: result.latency_ms,
    at,
    variant: result.model.variant,
    score: result.score,
    amount: txn?.amount,
    currency: txn?.currency ?? undefined,
  };
}

/** A scoring request of the tenant's answered with a 5xx error: no decision, counted against the SLO. */
export function errorSamples(error: { tenantId: string; at: number }): MetricSample[] {
  return [{ name: "Errors", dimensions: [["TenantId", error.tenantId]], value: 1, unit: "Count", at: error.at }];
}

export function createDecisionMetrics(options: { now?: () => number } = {}) {
  const aggregator = createMetricAggregator(options);
  return {
    record: (sample: DecisionSample) => decisionSamples(sample).forEach(aggregator.record),
    recordError: (error: { tenantId: string; at: number }) => errorSamples(error).forEach(aggregator.record),
    drain: (): MetricDatum[] => aggregator.drain(),
  };
}

export type DecisionMetrics = ReturnType<typeof createDecisionMetrics>;
