import { z } from "zod";
import { UNITS } from "../units";
import { dimensionSchema, metricDataQuerySchema, wireDouble } from "../wire";
import type { AlarmState, ComparisonOperator, TreatMissingData } from "./evaluate-datapoints";

/** PutMetricAlarm's request (CloudWatch API reference, PutMetricAlarm; MetricDataQuery). */
const metricQuerySchema = metricDataQuerySchema(1024);

const actions = z.array(z.string().min(1).max(1024)).max(5).optional();

export const putMetricAlarmSchema = z.object({
  AlarmName: z.string().min(1).max(255),
  AlarmDescription: z.string().max(1024).optional(),
  ActionsEnabled: z.boolean().optional(),
  OKActions: actions,
  AlarmActions: actions,
  InsufficientDataActions: actions,
  MetricName: z.string().min(1).max(255).optional(),
  Namespace: z.string().min(1).max(255).optional(),
  Statistic: z.enum(["SampleCount", "Average", "Sum", "Minimum", "Maximum"]).optional(),
  ExtendedStatistic: z.string().min(1).optional(),
  Dimensions: z.array(dimensionSchema).max(30).optional(),
  Period: z.number().int().positive().optional(),
  Unit: z.enum(UNITS).optional(),
  EvaluationPeriods: z.number().int().min(1),
  DatapointsToAlarm: z.number().int().min(1).optional(),
  Threshold: wireDouble.optional(),
  ComparisonOperator: z.enum([
    "GreaterThanOrEqualToThreshold",
    "GreaterThanThreshold",
    "LessThanThreshold",
    "LessThanOrEqualToThreshold",
    "LessThanLowerOrGreaterThanUpperThreshold",
    "LessThanLowerThreshold",
    "GreaterThanUpperThreshold",
  ]),
  TreatMissingData: z.string().min(1).max(255).optional(),
  EvaluateLowSampleCountPercentile: z.string().min(1).max(255).optional(),
  Metrics: z.array(metricQuerySchema).optional(),
  Tags: z.array(z.object({ Key: z.string().min(1).max(128), Value: z.string().max(256) })).optional(),
  ThresholdMetricId: z.string().optional(),
});

export type PutMetricAlarmRequest = z.output<typeof putMetricAlarmSchema>;
export type MetricQuery = z.output<typeof metricQuerySchema>;

/** An alarm as the emulator keeps it: DescribeAlarms' MetricAlarm (timestamps in epoch ms). */
export interface AlarmRecord {
  AlarmName: string;
  AlarmArn: string;
  AlarmDescription?: string | undefined;
  AlarmConfigurationUpdatedTimestamp: number;
  ActionsEnabled: boolean;
  OKActions: string[];
  AlarmActions: string[];
  InsufficientDataActions: string[];
  StateValue: AlarmState;
  StateReason: string;
  StateReasonData?: string | undefined;
  StateUpdatedTimestamp: number;
  StateTransitionedTimestamp: number;
  MetricName?: string | undefined;
  Namespace?: string | undefined;
  Statistic?: string | undefined;
  ExtendedStatistic?: string | undefined;
  Dimensions?: Array<{ Name: string; Value: string }> | undefined;
  Period?: number | undefined;
  Unit?: string | undefined;
  EvaluationPeriods: number;
  DatapointsToAlarm?: number | undefined;
  Threshold: number;
  ComparisonOperator: ComparisonOperator;
  TreatMissingData?: TreatMissingData | undefined;
  EvaluateLowSampleCountPercentile?: "evaluate" | "ignore" | undefined;
  Metrics?: MetricQuery[] | undefined;
  Tags: Array<{ Key: string; Value: string }>;
}

export type HistoryItemType = "ConfigurationUpdate" | "StateUpdate" | "Action";

export interface AlarmHistoryItem {
  AlarmName: string;
  AlarmType: "MetricAlarm";
  /** Epoch ms. */
  Timestamp: number;
  HistoryItemType: HistoryItemType;
  HistorySummary: string;
  /** A JSON document, as the API returns it. */
  HistoryData: string;
}

/** The period the alarm's datapoints have: its own, or (metric math) the metrics' common one. */
export function alarmPeriod(alarm: Pick<AlarmRecord, "Period" | "Metrics">): number {
  if (alarm.Period !== undefined) return alarm.Period;
  const periods = (alarm.Metrics ?? []).map((m) => m.MetricStat?.Period ?? m.Period).filter((p): p is number => p !== undefined);
  return periods[0] ?? 60;
}

/** CloudWatch's description of a metric alarm in DescribeAlarms (timestamps as epoch seconds). */
export function toWire(alarm: AlarmRecord) {
  const { Tags: _tags, ...rest } = alarm;
  return {
    ...rest,
    AlarmConfigurationUpdatedTimestamp: alarm.AlarmConfigurationUpdatedTimestamp / 1000,
    StateUpdatedTimestamp: alarm.StateUpdatedTimestamp / 1000,
    StateTransitionedTimestamp: alarm.StateTransitionedTimestamp / 1000,
  };
}
