import { putMetricAlarmSchema, type AlarmRecord, type PutMetricAlarmRequest } from "../alarms/alarm-model";
import type { ComparisonOperator, TreatMissingData } from "../alarms/evaluate-datapoints";
import { alarmArn } from "../alarms/sns-message";
import { invalidParameterCombination, invalidParameterValue, missingParameter, validationError } from "../errors";
import { parseStatistic } from "../stats";
import { parseRequest } from "../wire";
import type { OperationContext } from "./context";

const TREAT_MISSING = ["breaching", "notBreaching", "ignore", "missing"];
const ALARM_PERIODS = new Set([10, 20, 30]);
const STATIC_THRESHOLD_OPERATORS: string[] = [
  "GreaterThanOrEqualToThreshold",
  "GreaterThanThreshold",
  "LessThanThreshold",
  "LessThanOrEqualToThreshold",
] satisfies ComparisonOperator[];

/**
 * PutMetricAlarm (CloudWatch API reference): creates an alarm in INSUFFICIENT_DATA ("Unchecked:
 * Initial alarm creation"), or replaces an existing alarm's whole configuration while its state is
 * left unchanged. Either one metric (MetricName, Namespace, Period, Statistic xor ExtendedStatistic)
 * or Metrics (metric math, exactly one query returning data).
 */
export function putMetricAlarm(ctx: OperationContext, body: unknown) {
  const r = parseRequest(putMetricAlarmSchema, body);
  validate(r);
  const now = ctx.now();
  const existing = ctx.alarms.get(r.AlarmName);
  const alarm: AlarmRecord = {
    AlarmName: r.AlarmName,
    AlarmArn: alarmArn(r.AlarmName),
    AlarmDescription: r.AlarmDescription,
    AlarmConfigurationUpdatedTimestamp: now,
    ActionsEnabled: r.ActionsEnabled ?? true,
    OKActions: r.OKActions ?? [],
    AlarmActions: r.AlarmActions ?? [],
    InsufficientDataActions: r.InsufficientDataActions ?? [],
    StateValue: existing?.StateValue ?? "INSUFFICIENT_DATA",
    StateReason: existing?.StateReason ?? "Unchecked: Initial alarm creation",
    StateReasonData: existing?.StateReasonData,
    StateUpdatedTimestamp: existing?.StateUpdatedTimestamp ?? now,
    StateTransitionedTimestamp: existing?.StateTransitionedTimestamp ?? now,
    ...(r.Metrics
      ? { Metrics: r.Metrics }
      : {
          MetricName: r.MetricName,
          Namespace: r.Namespace,
          Statistic: r.Statistic,
          ExtendedStatistic: r.ExtendedStatistic,
          Dimensions: r.Dimensions ?? [],
          Period: r.Period,
          Unit: r.Unit,
        }),
    EvaluationPeriods: r.EvaluationPeriods,
    DatapointsToAlarm: r.DatapointsToAlarm,
    Threshold: r.Threshold!,
    ComparisonOperator: r.ComparisonOperator as ComparisonOperator,
    TreatMissingData: r.TreatMissingData as TreatMissingData | undefined,
    EvaluateLowSampleCountPercentile: r.EvaluateLowSampleCountPercentile as AlarmRecord["EvaluateLowSampleCountPercentile"],
    Tags: r.Tags ?? existing?.Tags ?? [],
  };
  ctx.alarms.put(alarm);
  ctx.alarms.addHistory({
    AlarmName: r.AlarmName,
    AlarmType: "MetricAlarm",
    Timestamp: now,
    HistoryItemType: "ConfigurationUpdate",
    HistorySummary: `Alarm "${r.AlarmName}" ${existing ? "updated" : "created"}`,
    HistoryData: JSON.stringify({ version: "1.0", type: existing ? "Update" : "Create", updatedAlarm: { alarmName: r.AlarmName } }),
  });
  ctx.evaluator.forget(r.AlarmName);
  return {};
}

function validate(r: PutMetricAlarmRequest): void {
  if (r.ThresholdMetricId !== undefined || !STATIC_THRESHOLD_OPERATORS.includes(r.ComparisonOperator)) {
    throw invalidParameterValue(
      "Anomaly detection alarms (ThresholdMetricId, LessThanLower…/…Upper… operators) are not supported by this emulator.",
    );
  }
  if (r.Threshold === undefined) throw missingParameter("Threshold");
  if (r.TreatMissingData !== undefined && !TREAT_MISSING.includes(r.TreatMissingData)) {
    throw invalidParameterValue(`The parameter TreatMissingData must be one of ${TREAT_MISSING.join(", ")}.`);
  }
  if (r.EvaluateLowSampleCountPercentile !== undefined && !["evaluate", "ignore"].includes(r.EvaluateLowSampleCountPercentile)) {
    throw invalidParameterValue("The parameter EvaluateLowSampleCountPercentile must be evaluate or ignore.");
  }
  if (r.DatapointsToAlarm !== undefined && r.DatapointsToAlarm > r.EvaluationPeriods) {
    throw invalidParameterValue("DatapointsToAlarm must be less than or equal to EvaluationPeriods.");
  }
  const period = r.Metrics ? validateMetrics(r) : validateSingleMetric(r);
  if (!ALARM_PERIODS.has(period) && period % 60 !== 0)
    throw invalidParameterValue("The parameter Period must be 10, 20, 30 or a multiple of 60.");
  // "For alarms with a period of less than one hour, the number of evaluation periods multiplied by the period must be less than or equal to one day."
  if (period < 3600 && period * r.EvaluationPeriods > 86_400) {
    throw invalidParameterValue("The evaluation period multiplied by the number of periods must not exceed one day (86,400 seconds).");
  }
}

function validateSingleMetric(r: PutMetricAlarmRequest): number {
  if (r.MetricName === undefined) throw missingParameter("MetricName");
  if (r.Namespace === undefined) throw missingParameter("Namespace");
  if (r.Period === undefined) throw missingParameter("Period");
  if ((r.Statistic === undefined) === (r.ExtendedStatistic === undefined)) {
    throw invalidParameterCombination("Exactly one of Statistic or ExtendedStatistic must be specified.");
  }
  if (r.ExtendedStatistic !== undefined && parseStatistic(r.ExtendedStatistic)?.kind !== "percentile") {
    throw invalidParameterValue(`The parameter ExtendedStatistic "${r.ExtendedStatistic}" is not a supported percentile (pNN.NN).`);
  }
  return r.Period;
}

function validateMetrics(r: PutMetricAlarmRequest): number {
  const metrics = r.Metrics ?? [];
  if ([r.MetricName, r.Namespace, r.Statistic, r.ExtendedStatistic, r.Dimensions, r.Period, r.Unit].some((v) => v !== undefined)) {
    throw invalidParameterCombination(
      "Metrics cannot be combined with MetricName, Namespace, Statistic, ExtendedStatistic, Dimensions, Period or Unit.",
    );
  }
  if (metrics.filter((m) => m.ReturnData !== false).length !== 1)
    throw validationError("Exactly one element of the metrics list should return data.");
  const periods = new Set<number>();
  for (const [i, m] of metrics.entries()) {
    if (!/^[a-z][a-zA-Z0-9_]*$/.test(m.Id))
      throw validationError(`The value ${m.Id} for parameter Metrics.member.${i + 1}.Id is not valid.`);
    if ((m.MetricStat === undefined) === (m.Expression === undefined)) {
      throw invalidParameterCombination(
        `Exactly one of Metrics.member.${i + 1}.MetricStat and Metrics.member.${i + 1}.Expression must be specified.`,
      );
    }
    if (m.MetricStat) {
      if (!parseStatistic(m.MetricStat.Stat))
        throw invalidParameterValue(`The parameter Metrics.member.${i + 1}.MetricStat.Stat is not a supported statistic.`);
      periods.add(m.MetricStat.Period);
    }
  }
  // "Each metric must be using the same period" (user guide, alarms on math expressions).
  if (periods.size !== 1) throw validationError("All metrics in a metric math alarm must use the same period.");
  return [...periods][0]!;
}
