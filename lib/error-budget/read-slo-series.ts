import { GetMetricDataCommand, type CloudWatchClient, type MetricDataQuery } from "@aws-sdk/client-cloudwatch";
import { cloudWatchClient } from "@/lib/aws/clients";
import { env } from "@/lib/env";
import type { SloSeries } from "./budget-math";
import { BUDGET_WINDOW_SECONDS, BURN_WINDOWS, LOOKBACK_SECONDS, STEP_SECONDS } from "./policy";

/**
 * The SLO's series in one GetMetricData call (plus its pages), from the console's own scoring
 * metrics (lib/metrics/decision-metrics.ts, namespace METRICS_NAMESPACE, dimension TenantId):
 *
 * - requests = SampleCount of `Errors` (one value per scoring request: 0 answered, 1 a 5xx);
 * - bad = SUM([Errors Sum, Degraded Sum]) — metric math, so CloudWatch adds the two per period
 *   (a minute with only errors has no Degraded datum; SUM of an array counts what is there);
 * - p95 of `Latency` over each burn window and the 30 days: a query per window whose Period is the
 *   window, so its last period ends at the evaluation time (every window divides the lookback).
 *
 * The endpoint's own Invocation5XXErrors are not added: a failing model call is answered in
 * degraded mode, which Degraded already counts.
 */
export interface SloSeriesDeps {
  cloudWatch?: Pick<CloudWatchClient, "send">;
  namespace?: string;
}

const LATENCY_WINDOWS = [...BURN_WINDOWS, { id: "30d", seconds: BUDGET_WINDOW_SECONDS }] as const;

export function sloQueries(tenantId: string, namespace: string): MetricDataQuery[] {
  const metric = (MetricName: string) => ({ Namespace: namespace, MetricName, Dimensions: [{ Name: "TenantId", Value: tenantId }] });
  return [
    { Id: "errors", MetricStat: { Metric: metric("Errors"), Period: STEP_SECONDS, Stat: "Sum" }, ReturnData: false },
    { Id: "degraded", MetricStat: { Metric: metric("Degraded"), Period: STEP_SECONDS, Stat: "Sum" }, ReturnData: false },
    { Id: "requests", MetricStat: { Metric: metric("Errors"), Period: STEP_SECONDS, Stat: "SampleCount" } },
    { Id: "bad", Expression: "SUM([errors, degraded])" },
    ...LATENCY_WINDOWS.map((w): MetricDataQuery => ({
      Id: `p95_${w.id}`,
      MetricStat: { Metric: metric("Latency"), Period: w.seconds, Stat: "p95" },
    })),
  ];
}

/** Reads the LOOKBACK before `endMs` (a 5-minute boundary) into 5-minute steps. */
export async function readSloSeries(input: { tenantId: string; endMs: number }, deps: SloSeriesDeps = {}): Promise<SloSeries> {
  const cloudWatch = deps.cloudWatch ?? cloudWatchClient();
  const startMs = input.endMs - LOOKBACK_SECONDS * 1000;
  const steps = LOOKBACK_SECONDS / STEP_SECONDS;
  const requests = new Array<number>(steps).fill(0);
  const bad = new Array<number>(steps).fill(0);
  const latencyP95Ms: SloSeries["latencyP95Ms"] = {};
  const stepOf = (t: Date) => Math.floor((t.getTime() - startMs) / (STEP_SECONDS * 1000));
  let NextToken: string | undefined;
  do {
    const page = await cloudWatch.send(
      new GetMetricDataCommand({
        MetricDataQueries: sloQueries(input.tenantId, deps.namespace ?? env().METRICS_NAMESPACE),
        StartTime: new Date(startMs),
        EndTime: new Date(input.endMs),
        ScanBy: "TimestampAscending",
        NextToken,
      }),
    );
    for (const result of page.MetricDataResults ?? []) {
      const points = (result.Timestamps ?? []).map((t, i) => [t, result.Values?.[i] ?? 0] as const);
      if (result.Id === "requests" || result.Id === "bad") {
        const target = result.Id === "requests" ? requests : bad;
        for (const [t, v] of points) {
          const i = stepOf(t);
          if (i >= 0 && i < steps) target[i] = (target[i] ?? 0) + v;
        }
        continue;
      }
      const window = LATENCY_WINDOWS.find((w) => result.Id === `p95_${w.id}`);
      if (!window) continue;
      // The last period of a window-long Period is the window ending at endMs.
      const last = points.find(([t]) => t.getTime() === input.endMs - window.seconds * 1000);
      if (last) latencyP95Ms[window.id] = last[1];
    }
    NextToken = page.NextToken;
  } while (NextToken);
  return { requests, bad, latencyP95Ms };
}
