import { invalidParameterValue } from "../errors";
import { computeStatistic, needsDistribution, parseStatistic, type Statistic } from "../stats";
import type { MetricIdentity } from "../store/metric-id";
import type { MetricStore } from "../store/metric-store";
import { alignStart, endSeconds } from "../time-window";

/** Period start (epoch seconds) → value, ascending by time. */
export type TimeSeries = Map<number, number>;

export interface Window {
  startMs: number;
  endMs: number;
  nowMs: number;
}

export function statisticOrThrow(name: string, parameter: string): Statistic {
  const stat = parseStatistic(name);
  if (!stat)
    throw invalidParameterValue(
      `The parameter ${parameter} "${name}" is not a supported statistic (Sum, Average, Minimum, Maximum, SampleCount, pNN.NN).`,
    );
  return stat;
}

/** Period buckets of one metric over a window, aligned the way CloudWatch aligns them. */
export function periodBuckets(
  store: MetricStore,
  id: MetricIdentity,
  period: number,
  unit: string | undefined,
  w: Window,
  stats: Statistic[],
) {
  const fromSec = alignStart(w.startMs, period, w.nowMs);
  const toSec = endSeconds(w.endMs);
  const periods = store.aggregate(id, { unit, fromSec, toSec, period, withDistribution: needsDistribution(stats) });
  return [...periods.entries()].sort(([a], [b]) => a - b);
}

export function metricSeries(
  store: MetricStore,
  id: MetricIdentity,
  period: number,
  stat: Statistic,
  unit: string | undefined,
  w: Window,
): TimeSeries {
  const series: TimeSeries = new Map();
  for (const [start, bucket] of periodBuckets(store, id, period, unit, w, [stat])) {
    const value = computeStatistic(bucket, stat);
    if (value !== undefined) series.set(start, value);
  }
  return series;
}
