import { GetMetricDataCommand, type CloudWatchClient, type MetricDataQuery } from "@aws-sdk/client-cloudwatch";
import { cloudWatchClient } from "@/lib/aws/clients";
import type { VariantHealth } from "./guardrails";

/**
 * Each variant's requests, 5xx errors and ModelLatency p95 over the last `windowMs`, from the
 * endpoint's own metrics (AWS/SageMaker, per EndpointName and VariantName; ModelLatency is in
 * microseconds). One period covering the window, so the p95 is over every request in it, not an
 * average of per-minute percentiles.
 */
export async function variantHealth(
  input: { endpointName: string; variants: readonly string[]; windowMs: number; now?: Date },
  cloudWatch: Pick<CloudWatchClient, "send"> = cloudWatchClient(),
): Promise<Record<string, VariantHealth>> {
  const period = Math.ceil(input.windowMs / 60_000) * 60;
  // CloudWatch rounds StartTime down to the minute for recent data; end one minute later so the
  // current minute is in the one period.
  const now = input.now ?? new Date();
  const end = new Date(Math.floor(now.getTime() / 60_000) * 60_000 + 60_000);
  const start = new Date(end.getTime() - period * 1000);
  const queries: MetricDataQuery[] = input.variants.flatMap((variant, i) => {
    const metric = (MetricName: string) => ({
      Namespace: "AWS/SageMaker",
      MetricName,
      Dimensions: [
        { Name: "EndpointName", Value: input.endpointName },
        { Name: "VariantName", Value: variant },
      ],
    });
    return [
      { Id: `r${i}`, MetricStat: { Metric: metric("Invocations"), Period: period, Stat: "Sum" } },
      { Id: `e${i}`, MetricStat: { Metric: metric("Invocation5XXErrors"), Period: period, Stat: "Sum" } },
      { Id: `l${i}`, MetricStat: { Metric: metric("ModelLatency"), Period: period, Stat: "p95" } },
    ];
  });
  const out = await cloudWatch.send(new GetMetricDataCommand({ MetricDataQueries: queries, StartTime: start, EndTime: end }));
  const value = (id: string) => {
    const values = out.MetricDataResults?.find((r) => r.Id === id)?.Values ?? [];
    return values.length > 0 ? values.reduce((a, b) => a + b, 0) : null;
  };
  return Object.fromEntries(
    input.variants.map((variant, i) => {
      const requests = value(`r${i}`) ?? 0;
      const p95 = value(`l${i}`);
      return [variant, { requests, errors5xx: value(`e${i}`) ?? 0, p95LatencyMs: requests > 0 && p95 != null ? p95 / 1000 : null }];
    }),
  );
}
