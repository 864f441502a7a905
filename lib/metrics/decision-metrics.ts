import type { MetricDatum } from "@aws-sdk/client-cloudwatch";

/**
 * The console's own scoring metrics, aggregated in memory per tenant and minute and drained as
 * CloudWatch datums (publish-decision-metrics.ts sends them). Recording is a few map updates so it
 * can sit on the hot path; CloudWatch sums the datums of one minute sent by several flushes or
 * instances, so draining often loses nothing.
 *
 * Metrics (dimension TenantId), one value per decision so every statistic means what it means on
 * AWS: Decisions (+ dimension Decision; 1 if the decision was that one), Degraded, RuleOnly (decided
 * by a rule without the model) — Sum = count, Average = share, SampleCount = decisions — and
 * Latency (ms, as value/count pairs so p95/p99 work), and Errors: one value per scoring request, 1
 * when it was answered with a 5xx error (no decision) and 0 for each decision, so Sum = errors and
 * SampleCount = every request the SLO counts (lib/error-budget reads Errors and Degraded).
 */
export const DECISIONS = ["LEGIT", "REVIEW", "SUSPICIOUS"] as const;
export type MetricDecision = (typeof DECISIONS)[number];

export interface DecisionSample {
  tenantId: string;
  decision: MetricDecision;
  degraded: boolean;
  ruleOnly: boolean;
  latencyMs: number;
  /** Epoch ms. */
  at: number;
}

interface MinuteAggregate {
  tenantId: string;
  minute: number;
  decisions: Record<MetricDecision, number>;
  degraded: number;
  ruleOnly: number;
  errors: number;
  latency: Map<number, number>;
}

/** CloudWatch takes at most 150 values per datum. */
const MAX_VALUES_PER_DATUM = 150;

/**
 * Latencies kept to two significant digits (0.1 ms under 10 ms, 1 ms under 100 ms ...): percentiles
 * stay within ~5%, and a busy minute has a few dozen distinct values instead of thousands.
 */
export function roundLatency(ms: number): number {
  if (!(ms > 0)) return 0;
  // toPrecision, not arithmetic on powers of ten, so 2.34 becomes 2.3 and not 2.3000000000000003.
  return Number(ms.toPrecision(2));
}

export function createDecisionMetrics() {
  let minutes = new Map<string, MinuteAggregate>();

  function aggregateOf(tenantId: string, at: number): MinuteAggregate {
    const minute = Math.floor(at / 60_000) * 60_000;
    const id = `${tenantId}\n${minute}`;
    let agg = minutes.get(id);
    if (!agg) {
      agg = {
        tenantId,
        minute,
        decisions: { LEGIT: 0, REVIEW: 0, SUSPICIOUS: 0 },
        degraded: 0,
        ruleOnly: 0,
        errors: 0,
        latency: new Map(),
      };
      minutes.set(id, agg);
    }
    return agg;
  }

  function record(sample: DecisionSample): void {
    const agg = aggregateOf(sample.tenantId, sample.at);
    agg.decisions[sample.decision] += 1;
    if (sample.degraded) agg.degraded += 1;
    if (sample.ruleOnly) agg.ruleOnly += 1;
    const latency = roundLatency(sample.latencyMs);
    agg.latency.set(latency, (agg.latency.get(latency) ?? 0) + 1);
  }

  /** A scoring request of the tenant's that was answered with a 5xx error (epoch ms). */
  function recordError(error: { tenantId: string; at: number }): void {
    aggregateOf(error.tenantId, error.at).errors += 1;
  }

  /** Everything recorded since the last drain, as datums; the aggregates start over. */
  function drain(): MetricDatum[] {
    const drained = [...minutes.values()];
    minutes = new Map();
    return drained.flatMap(toDatums);
  }

  return { record, recordError, drain };
}

function toDatums(agg: MinuteAggregate): MetricDatum[] {
  const Timestamp = new Date(agg.minute);
  const tenant = { Name: "TenantId", Value: agg.tenantId };
  const decided = DECISIONS.reduce((n, d) => n + agg.decisions[d], 0);
  // One value per decision, 1 when it holds and 0 when not, as AWS publishes its own per-request
  // metrics (e.g. SageMaker's Invocation5XXErrors): Sum = how many, SampleCount = decisions, and
  // Average = the share (the degraded rate, the share of REVIEW). Zeros are sent too: a graph of
  // REVIEW decisions shows 0, not a gap, in a quiet minute.
  const share = (MetricName: string, ones: number, extra: MetricDatum["Dimensions"] = []): MetricDatum => {
    const pairs = (
      [
        [0, decided - ones],
        [1, ones],
      ] as const
    ).filter(([, count]) => count > 0);
    return {
      MetricName,
      Dimensions: [tenant, ...extra],
      Timestamp,
      Values: pairs.map(([v]) => v),
      Counts: pairs.map(([, c]) => c),
      Unit: "Count",
    };
  };
  // A minute with errors only has no decisions to share out (a datum needs at least one value).
  const datums = decided === 0 ? [] : DECISIONS.map((d) => share("Decisions", agg.decisions[d], [{ Name: "Decision", Value: d }]));
  if (decided > 0) datums.push(share("Degraded", agg.degraded), share("RuleOnly", agg.ruleOnly));
  const requests = [
    [0, decided],
    [1, agg.errors],
  ].filter(([, count]) => count! > 0) as Array<[number, number]>;
  datums.push({
    MetricName: "Errors",
    Dimensions: [tenant],
    Timestamp,
    Values: requests.map(([v]) => v),
    Counts: requests.map(([, c]) => c),
    Unit: "Count",
  });
  const latencies = [...agg.latency];
  for (let i = 0; i < latencies.length; i += MAX_VALUES_PER_DATUM) {
    const part = latencies.slice(i, i + MAX_VALUES_PER_DATUM);
    datums.push({
      MetricName: "Latency",
      Dimensions: [tenant],
      Timestamp,
      Values: part.map(([v]) => v),
      Counts: part.map(([, c]) => c),
      Unit: "Milliseconds",
    });
  }
  return datums;
}

export type DecisionMetrics = ReturnType<typeof createDecisionMetrics>;
