import type { QueueItem, QueueStatus, VerdictRecord } from "@/lib/queue/queue-item";
import { twoSignificantDigits, type MetricSample } from "./metric-aggregator";

/**
 * The review queue's and the analysts' metrics (namespace METRICS_NAMESPACE), beside the scoring
 * metrics of decision-metrics.ts:
 *
 * | metric           | dimensions                               | value                          | read as |
 * |------------------|------------------------------------------|--------------------------------|---------|
 * | QueueDelta       | TenantId, Status                         | +1 / −1 as items enter / leave | Sum = net change per period (backlog = today's count − later changes) |
 * | Verdicts         | TenantId, Verdict                        | 1 per verdict                  | Sum |
 * | AnalystVerdicts  | TenantId, Analyst                        | 1 per verdict                  | Sum |
 * | TimeToVerdict    | TenantId                                 | seconds from queued to verdict | p50 |
 * | FlaggedPrecision | TenantId, ModelVersion (at scoring time) | 1 confirmed fraud, 0 false positive | Average = precision, SampleCount = labels |
 * | VerdictAmount    | TenantId, Verdict, Decision, Currency (at scoring time) | the amount | Sum (StatisticSet) |
 *
 * FlaggedPrecision and VerdictAmount are dated when the transaction was scored, so a chart shows
 * the precision of what the model flagged that hour (the recent hours still lack labels: the
 * label-lag window). CloudWatch refuses datums older than two weeks — and the whole request with
 * them — so verdicts on older items leave those two out.
 */
const MAX_BACKDATE_MS = 13 * 86_400_000;

export function queueDeltaSamples(tenantId: string, delta: Partial<Record<QueueStatus, number>>, at: number): MetricSample[] {
  return Object.entries(delta)
    .filter(([, n]) => n !== 0)
    .map(([status, n]) => ({
      name: "QueueDelta",
      dimensions: [
        ["TenantId", tenantId],
        ["Status", status],
      ],
      value: n,
      unit: "Count",
      at,
      shape: "sum",
    }));
}

export function verdictSamples(item: QueueItem, verdict: VerdictRecord): MetricSample[] {
  const tenant = ["TenantId", item.tenantId] as const;
  const at = Date.parse(verdict.at);
  const scoredAt = Date.parse(item.createdAt);
  const count = (name: string, dimension: readonly [string, string]): MetricSample => ({
    name,
    dimensions: [tenant, dimension],
    value: 1,
    unit: "Count",
    at,
  });
  const samples: MetricSample[] = [
    count("Verdicts", ["Verdict", verdict.verdict]),
    count("AnalystVerdicts", ["Analyst", verdict.by]),
    { name: "TimeToVerdict", dimensions: [tenant], value: twoSignificantDigits(Math.max(0, (at - scoredAt) / 1000)), unit: "Seconds", at },
  ];
  if (at - scoredAt > MAX_BACKDATE_MS || verdict.verdict === "escalate") return samples;
  const version = item.model?.version;
  if (version && item.score !== null) {
    samples.push({
      name: "FlaggedPrecision",
      dimensions: [tenant, ["ModelVersion", version]],
      value: verdict.verdict === "fraud" ? 1 : 0,
      unit: "None",
      at: scoredAt,
    });
  }
  if (item.transaction.currency) {
    samples.push({
      name: "VerdictAmount",
      dimensions: [tenant, ["Verdict", verdict.verdict], ["Decision", item.decision], ["Currency", item.transaction.currency]],
      value: item.transaction.amount,
      unit: "None",
      at: scoredAt,
      shape: "sum",
    });
  }
  return samples;
}
