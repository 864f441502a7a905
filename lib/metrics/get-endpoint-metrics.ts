import { GetMetricDataCommand, type CloudWatchClient, type MetricDataQuery, type MetricDataResult } from "@aws-sdk/client-cloudwatch";
import { DescribeEndpointCommand, type SageMakerClient } from "@aws-sdk/client-sagemaker";
import { cloudWatchClient, sageMakerClient } from "@/lib/aws/clients";
import { isSageMakerMissing } from "@/lib/aws/missing";
import { AppError } from "@/lib/errors/app-error";
import { getTenant } from "@/lib/tenants/get-tenant";
import type { Tenant } from "@/lib/tenants/tenant";
import type { EndpointMetrics, MetricsRange, VariantMetrics, VariantMetricsPoint } from "./endpoint-metrics";

export interface EndpointMetricsDeps {
  sageMaker?: Pick<SageMakerClient, "send">;
  cloudWatch?: Pick<CloudWatchClient, "send">;
  getTenant?: (input: { tenantId: string }) => Promise<Tenant | null>;
}

const NAMESPACE = "AWS/SageMaker";
const MINUTE_MS = 60_000;

/**
 * Per-variant invocations, 4xx/5xx rates and ModelLatency p50/p95 of the tenant's endpoint, in ONE
 * GetMetricData call: per period (the chart) and over the whole window (the headline figures).
 * The variants are the endpoint's current ones (production and shadow). `endpointName` must be the
 * tenant's own endpoint; any other name is not_found, as if it did not exist.
 */
export async function getEndpointMetrics(
  input: { tenantId: string; endpointName: string; range: MetricsRange },
  deps: EndpointMetricsDeps = {},
): Promise<EndpointMetrics> {
  const tenant = await (deps.getTenant ?? getTenant)({ tenantId: input.tenantId });
  if (!tenant || tenant.endpointName !== input.endpointName) throw new AppError("not_found", "Endpoint not found");
  const variants = await describeVariants(tenant.endpointName, deps.sageMaker ?? sageMakerClient());
  const window = alignedWindow(input.range);
  const queries = variants.flatMap((v, i) => variantQueries(tenant.endpointName, v.variantName, i, input.range.period, window.seconds));
  const results = new Map<string, MetricDataResult>();
  if (queries.length > 0) {
    let answer;
    try {
      answer = await (deps.cloudWatch ?? cloudWatchClient()).send(
        new GetMetricDataCommand({
          MetricDataQueries: queries,
          StartTime: new Date(window.startMs),
          EndTime: new Date(window.endMs),
          ScanBy: "TimestampAscending",
        }),
      );
    } catch (error) {
      throw new AppError("unavailable", "CloudWatch did not answer; try again shortly", { cause: error });
    }
    for (const r of answer.MetricDataResults ?? []) if (r.Id) results.set(r.Id, r);
  }
  return {
    endpointName: tenant.endpointName,
    from: new Date(window.startMs).toISOString(),
    to: new Date(window.endMs).toISOString(),
    period: input.range.period,
    variants: variants.map((v, i) => readVariant(v, i, results)),
  };
}

async function describeVariants(endpointName: string, sageMaker: Pick<SageMakerClient, "send">) {
  try {
    const endpoint = await sageMaker.send(new DescribeEndpointCommand({ EndpointName: endpointName }));
    return [
      ...(endpoint.ProductionVariants ?? []).map((v) => ({ variantName: v.VariantName ?? "", isShadow: false })),
      ...(endpoint.ShadowProductionVariants ?? []).map((v) => ({ variantName: v.VariantName ?? "", isShadow: true })),
    ].filter((v) => v.variantName);
  } catch (error) {
    if (isSageMakerMissing(error)) throw new AppError("not_found", "Endpoint not found");
    throw new AppError("unavailable", "SageMaker did not answer; try again shortly", { cause: error });
  }
}

/**
 * Minute-aligned bounds (CloudWatch rounds StartTime to the minute for recent data anyway), so the
 * window-long summary period is a whole number of minutes and covers the range in one bucket.
 */
function alignedWindow(range: MetricsRange): { startMs: number; endMs: number; seconds: number } {
  const startMs = Math.floor(range.fromMs / MINUTE_MS) * MINUTE_MS;
  const endMs = Math.ceil(range.toMs / MINUTE_MS) * MINUTE_MS;
  return { startMs, endMs, seconds: Math.max(60, (endMs - startMs) / 1000) };
}

function stat(
  id: string,
  endpointName: string,
  variantName: string,
  metricName: string,
  period: number,
  statistic: string,
  returnData: boolean,
): MetricDataQuery {
  return {
    Id: id,
    ReturnData: returnData,
    MetricStat: {
      Metric: {
        Namespace: NAMESPACE,
        MetricName: metricName,
        Dimensions: [
          { Name: "EndpointName", Value: endpointName },
          { Name: "VariantName", Value: variantName },
        ],
      },
      Period: period,
      Stat: statistic,
    },
  };
}

const expr = (id: string, expression: string): MetricDataQuery => ({ Id: id, Expression: expression, ReturnData: true });

/**
 * Ids are positional (`inv_0`), since variant names may hold characters a query Id may not.
 * SageMaker publishes a 0 or 1 per request for the error metrics, so Sum(errors) / Sum(Invocations)
 * is the rate; ModelLatency is in microseconds, so metric math divides by 1000 for milliseconds.
 * Prefix `s` = the same over the whole window (one period).
 */
function variantQueries(endpointName: string, variantName: string, i: number, period: number, windowSeconds: number): MetricDataQuery[] {
  const q = (prefix: string, p: number) => [
    stat(`${prefix}inv_${i}`, endpointName, variantName, "Invocations", p, "Sum", true),
    stat(`${prefix}e4_${i}`, endpointName, variantName, "Invocation4XXErrors", p, "Sum", prefix === "s"),
    stat(`${prefix}e5_${i}`, endpointName, variantName, "Invocation5XXErrors", p, "Sum", prefix === "s"),
    stat(`${prefix}l50_${i}`, endpointName, variantName, "ModelLatency", p, "p50", false),
    stat(`${prefix}l95_${i}`, endpointName, variantName, "ModelLatency", p, "p95", false),
    expr(`${prefix}p50_${i}`, `${prefix}l50_${i} / 1000`),
    expr(`${prefix}p95_${i}`, `${prefix}l95_${i} / 1000`),
  ];
  return [
    ...q("", period),
    expr(`r4_${i}`, `e4_${i} / inv_${i}`),
    expr(`r5_${i}`, `e5_${i} / inv_${i}`),
    ...q("s", Math.ceil(windowSeconds / 60) * 60),
  ];
}

function byTime(result: MetricDataResult | undefined): Map<number, number> {
  const out = new Map<number, number>();
  const times = result?.Timestamps ?? [];
  const values = result?.Values ?? [];
  times.forEach((t, k) => {
    const v = values[k];
    if (v !== undefined && Number.isFinite(v)) out.set(new Date(t).getTime(), v);
  });
  return out;
}

const sumOf = (result: MetricDataResult | undefined) => (result?.Values ?? []).reduce((a, b) => a + b, 0);
const firstOf = (result: MetricDataResult | undefined) => {
  const v = result?.Values?.[0];
  return v !== undefined && Number.isFinite(v) ? v : null;
};

function readVariant(v: { variantName: string; isShadow: boolean }, i: number, results: Map<string, MetricDataResult>): VariantMetrics {
  const get = (id: string) => results.get(`${id}_${i}`);
  const series = {
    invocations: byTime(get("inv")),
    rate4xx: byTime(get("r4")),
    rate5xx: byTime(get("r5")),
    p50Ms: byTime(get("p50")),
    p95Ms: byTime(get("p95")),
  };
  const times = [...new Set(Object.values(series).flatMap((s) => [...s.keys()]))].sort((a, b) => a - b);
  const points = times.map((t): VariantMetricsPoint => ({
    t: new Date(t).toISOString(),
    invocations: series.invocations.get(t) ?? null,
    rate4xx: series.rate4xx.get(t) ?? null,
    rate5xx: series.rate5xx.get(t) ?? null,
    p50Ms: series.p50Ms.get(t) ?? null,
    p95Ms: series.p95Ms.get(t) ?? null,
  }));
  const invocations = sumOf(get("sinv"));
  const errors4xx = sumOf(get("se4"));
  const errors5xx = sumOf(get("se5"));
  return {
    ...v,
    summary: {
      invocations,
      errors4xx,
      errors5xx,
      rate4xx: invocations > 0 ? errors4xx / invocations : null,
      rate5xx: invocations > 0 ? errors5xx / invocations : null,
      p50Ms: firstOf(get("sp50")),
      p95Ms: firstOf(get("sp95")),
    },
    series: points,
  };
}
