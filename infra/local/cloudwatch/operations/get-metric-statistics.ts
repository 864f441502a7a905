import { z } from "zod";
import { invalidParameterCombination, invalidParameterValue } from "../errors";
import { computeStatistic, type Statistic } from "../stats";
import { metricIdentity } from "../store/metric-id";
import { assertValidPeriod } from "../time-window";
import { UNITS } from "../units";
import { dimensionSchema, parseRequest, wireTimestamp } from "../wire";
import type { OperationContext } from "./context";
import { periodBuckets, statisticOrThrow } from "./metric-series";

const MAX_DATAPOINTS = 1440;

const requestSchema = z.object({
  Namespace: z.string().min(1).max(255),
  MetricName: z.string().min(1).max(255),
  Dimensions: z.array(dimensionSchema).max(30).optional(),
  StartTime: wireTimestamp,
  EndTime: wireTimestamp,
  Period: z.number().int().positive(),
  Statistics: z
    .array(z.enum(["SampleCount", "Average", "Sum", "Minimum", "Maximum"]))
    .min(1)
    .max(5)
    .optional(),
  ExtendedStatistics: z.array(z.string().min(1)).min(1).max(10).optional(),
  Unit: z.enum(UNITS).optional(),
});

export function getMetricStatistics(ctx: OperationContext, body: unknown) {
  const r = parseRequest(requestSchema, body);
  if (!r.Statistics && !r.ExtendedStatistics) {
    throw invalidParameterCombination("At least one of the parameters Statistics and ExtendedStatistics must be specified.");
  }
  if (r.StartTime >= r.EndTime) throw invalidParameterValue("The parameter StartTime must be less than the parameter EndTime.");
  assertValidPeriod(r.Period, "Period");
  const requested = Math.ceil((r.EndTime - r.StartTime) / 1000 / r.Period);
  if (requested > MAX_DATAPOINTS) {
    throw invalidParameterCombination(
      `You have requested up to ${requested} datapoints, which exceeds the limit of ${MAX_DATAPOINTS}. You may reduce the datapoints requested by increasing Period, or decreasing the time range.`,
    );
  }
  const simple = (r.Statistics ?? []).map((s) => statisticOrThrow(s, "Statistics"));
  const extended = (r.ExtendedStatistics ?? []).map((s) => statisticOrThrow(s, "ExtendedStatistics"));
  if (extended.some((s) => s.kind !== "percentile"))
    throw invalidParameterValue("The parameter ExtendedStatistics accepts only percentiles (pNN.NN).");
  const id = metricIdentity(r.Namespace, r.MetricName, r.Dimensions);
  const units = ctx.store.unitsOf(id);
  // Datapoints carry the unit of their data; with mixed units and no filter there is no single one.
  const unit = r.Unit ?? (units.length === 1 ? units[0] : "None");
  const buckets = periodBuckets(ctx.store, id, r.Period, r.Unit, { startMs: r.StartTime, endMs: r.EndTime, nowMs: ctx.now() }, [
    ...simple,
    ...extended,
  ]);
  const Datapoints = buckets.map(([start, bucket]) => ({
    Timestamp: start,
    Unit: unit,
    ...Object.fromEntries(simple.map((s) => [s.name, computeStatistic(bucket, s)])),
    ...(extended.length > 0 ? { ExtendedStatistics: valuesOf(extended, (s) => computeStatistic(bucket, s)) } : {}),
  }));
  return { Label: r.MetricName, Datapoints };
}

function valuesOf(stats: Statistic[], compute: (s: Statistic) => number | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of stats) {
    const v = compute(s);
    if (v !== undefined) out[s.name] = v;
  }
  return out;
}
