import type { MetricDatum, StandardUnit } from "@aws-sdk/client-cloudwatch";

/**
 * In-memory aggregation of the console's own CloudWatch metrics per metric, dimensions and minute,
 * drained as datums. Two shapes, chosen per metric by what its statistics must answer:
 * - "distribution": every value kept with its count (Values/Counts), so percentiles are exact on
 *   AWS and here — for latencies, 0/1 shares, rounded scores;
 * - "sum": a StatisticSet (SampleCount, Sum, Minimum, Maximum) — for amounts, where distinct values
 *   are many and only Sum/Average are ever read.
 * CloudWatch adds up the datums of one minute sent by several flushes or instances, so draining
 * often loses nothing.
 *
 * A sample marked `highResolution` (what a 10 s alarm reads: CloudWatch evaluates high-resolution
 * alarms only on data stored at 1-second resolution) is aggregated per 10 seconds instead and sent
 * with StorageResolution 1: the shortest alarm period is 10 s, so finer buckets would only multiply
 * the datums, and statistics over a minute or more are the same as from minute datums. CloudWatch
 * keeps 1-second data for 3 hours, so an older sample (the seeded history) goes into its minute.
 */
export interface MetricSample {
  name: string;
  /** In a fixed order: CloudWatch identifies a metric by its exact set of dimensions. */
  dimensions: ReadonlyArray<readonly [name: string, value: string]>;
  value: number;
  unit: StandardUnit;
  /** Epoch ms. */
  at: number;
  shape?: "distribution" | "sum";
  highResolution?: boolean;
}

interface Aggregate {
  name: string;
  dimensions: MetricSample["dimensions"];
  unit: StandardUnit;
  /** Bucket start, epoch ms. */
  start: number;
  highResolution: boolean;
  shape: "distribution" | "sum";
  values: Map<number, number>;
  set: { sampleCount: number; sum: number; min: number; max: number };
}

/** CloudWatch takes at most 150 values per datum. */
const MAX_VALUES_PER_DATUM = 150;
/** CloudWatch's shortest alarm period on high-resolution data (10 s) and how long it keeps such data (3 h). */
export const HIGH_RESOLUTION_BUCKET_MS = 10_000;
const HIGH_RESOLUTION_RETENTION_MS = 3 * 3600_000;

export function createMetricAggregator(options: { now?: () => number } = {}) {
  const now = options.now ?? Date.now;
  let aggregates = new Map<string, Aggregate>();

  function record(sample: MetricSample): void {
    const highResolution = sample.highResolution === true && sample.at > now() - HIGH_RESOLUTION_RETENTION_MS;
    const bucketMs = highResolution ? HIGH_RESOLUTION_BUCKET_MS : 60_000;
    const start = Math.floor(sample.at / bucketMs) * bucketMs;
    const shape = sample.shape ?? "distribution";
    const id = `${sample.name}\n${sample.dimensions.map(([n, v]) => `${n}=${v}`).join("\n")}\n${start}\n${shape}`;
    let agg = aggregates.get(id);
    if (!agg) {
      agg = {
        name: sample.name,
        dimensions: sample.dimensions,
        unit: sample.unit,
        start,
        highResolution,
        shape,
        values: new Map(),
        set: { sampleCount: 0, sum: 0, min: Infinity, max: -Infinity },
      };
      aggregates.set(id, agg);
    }
    if (shape === "sum") {
      agg.set.sampleCount += 1;
      agg.set.sum += sample.value;
      agg.set.min = Math.min(agg.set.min, sample.value);
      agg.set.max = Math.max(agg.set.max, sample.value);
    } else {
      agg.values.set(sample.value, (agg.values.get(sample.value) ?? 0) + 1);
    }
  }

  /** Everything recorded since the last drain, as datums; the aggregates start over. */
  function drain(): MetricDatum[] {
    const drained = [...aggregates.values()];
    aggregates = new Map();
    return drained.flatMap(toDatums);
  }

  return { record, drain };
}

export type MetricAggregator = ReturnType<typeof createMetricAggregator>;

function toDatums(agg: Aggregate): MetricDatum[] {
  const base = {
    MetricName: agg.name,
    Dimensions: agg.dimensions.map(([Name, Value]) => ({ Name, Value })),
    Timestamp: new Date(agg.start),
    Unit: agg.unit,
    ...(agg.highResolution ? { StorageResolution: 1 } : {}),
  };
  if (agg.shape === "sum") {
    const { sampleCount, sum, min, max } = agg.set;
    return [{ ...base, StatisticValues: { SampleCount: sampleCount, Sum: sum, Minimum: min, Maximum: max } }];
  }
  const pairs = [...agg.values].sort(([a], [b]) => a - b);
  const datums: MetricDatum[] = [];
  for (let i = 0; i < pairs.length; i += MAX_VALUES_PER_DATUM) {
    const part = pairs.slice(i, i + MAX_VALUES_PER_DATUM);
    datums.push({ ...base, Values: part.map(([v]) => v), Counts: part.map(([, c]) => c) });
  }
  return datums;
}

/** Two significant digits (0.1 ms under 10 ms, 1 ms under 100 ms …): percentiles stay within ~5%. */
export function twoSignificantDigits(value: number): number {
  if (!(value > 0)) return 0;
  // toPrecision, not arithmetic on powers of ten, so 2.34 becomes 2.3 and not 2.3000000000000003.
  return Number(value.toPrecision(2));
}
