import { evaluateExpressions } from "../operations/expression";
import { metricSeries, statisticOrThrow, type TimeSeries, type Window } from "../operations/metric-series";
import { parseStatistic } from "../stats";
import { metricIdentity } from "../store/metric-id";
import type { MetricStore } from "../store/metric-store";
import { alarmPeriod, type AlarmRecord } from "./alarm-model";
import { evaluationRangeSize, type Datapoint } from "./evaluate-datapoints";

/**
 * The alarm's evaluation range at `nowMs`, oldest first: the last evaluationRangeSize(N) whole
 * periods before now (periods aligned to multiples of Period, the newest one ended at or before
 * now), each with its value or undefined when the period holds no data. Read from the same store
 * and with the same statistics and metric math as GetMetricData.
 */
export function alarmDatapoints(store: MetricStore, alarm: AlarmRecord, nowMs: number): Datapoint[] {
  const period = alarmPeriod(alarm);
  const size = evaluationRangeSize(alarm.EvaluationPeriods);
  const endSec = Math.floor(nowMs / 1000 / period) * period;
  const startSec = endSec - size * period;
  const window: Window = { startMs: startSec * 1000, endMs: endSec * 1000, nowMs };
  const { values, samples } = alarm.Metrics ? mathSeries(store, alarm, window) : singleSeries(store, alarm, period, window);
  return Array.from({ length: size }, (_, i) => {
    const timestamp = startSec + i * period;
    return { timestamp, value: values.get(timestamp), sampleCount: samples?.get(timestamp) };
  });
}

function singleSeries(store: MetricStore, alarm: AlarmRecord, period: number, window: Window) {
  const id = metricIdentity(alarm.Namespace ?? "", alarm.MetricName ?? "", alarm.Dimensions);
  const stat = statisticOrThrow(alarm.ExtendedStatistic ?? alarm.Statistic ?? "Average", "Statistic");
  const values = metricSeries(store, id, period, stat, alarm.Unit, window);
  const samples =
    stat.kind === "percentile" ? metricSeries(store, id, period, parseStatistic("SampleCount")!, alarm.Unit, window) : undefined;
  return { values, samples };
}

function mathSeries(store: MetricStore, alarm: AlarmRecord, window: Window): { values: TimeSeries; samples?: TimeSeries } {
  const queries = alarm.Metrics ?? [];
  const computed = new Map<string, TimeSeries>();
  for (const q of queries) {
    if (!q.MetricStat) continue;
    const { Metric, Period, Stat, Unit } = q.MetricStat;
    const id = metricIdentity(Metric.Namespace, Metric.MetricName, Metric.Dimensions);
    computed.set(q.Id, metricSeries(store, id, Period, statisticOrThrow(Stat, "Stat"), Unit, window));
  }
  evaluateExpressions(queries, computed);
  const result = queries.find((q) => q.ReturnData !== false) ?? queries[0];
  return { values: (result && computed.get(result.Id)) ?? new Map<number, number>() };
}
