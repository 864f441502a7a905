import { randomUUID } from "node:crypto";
import type { AlarmRecord } from "./alarm-model";
import type { AlarmState } from "./evaluate-datapoints";

export const ACCOUNT_ID = "000000000000";

export function region(): string {
  // Emulator code, not lib/: it reads the SDK's own region variable, as the SageMaker emulator does.
  return process.env.AWS_REGION || "us-east-1";
}

export const alarmArn = (name: string) => `arn:aws:cloudwatch:${region()}:${ACCOUNT_ID}:alarm:${name}`;

// CloudWatch names the region in words in its notifications ("Region": "US East (N. Virginia)").
const REGION_NAMES: Record<string, string> = {
  "us-east-1": "US East (N. Virginia)",
  "us-east-2": "US East (Ohio)",
  "us-west-1": "US West (N. California)",
  "us-west-2": "US West (Oregon)",
  "eu-west-1": "EU (Ireland)",
  "eu-central-1": "EU (Frankfurt)",
};

const lowerDimensions = (dims: ReadonlyArray<{ Name: string; Value: string }> | undefined) =>
  (dims ?? []).map((d) => ({ value: d.Value, name: d.Name }));

/** CloudWatch's "+0000" timestamp form in notifications: 2023-02-18T11:10:34.539+0000. */
export const notificationTime = (ms: number) => new Date(ms).toISOString().replace("Z", "+0000");

function trigger(alarm: AlarmRecord) {
  const common = {
    Period: alarm.Period,
    EvaluationPeriods: alarm.EvaluationPeriods,
    DatapointsToAlarm: alarm.DatapointsToAlarm,
    ComparisonOperator: alarm.ComparisonOperator,
    Threshold: alarm.Threshold,
    TreatMissingData: alarm.TreatMissingData ?? "",
    EvaluateLowSampleCountPercentile: alarm.EvaluateLowSampleCountPercentile ?? "",
  };
  if (alarm.Metrics) {
    return {
      ...common,
      Metrics: alarm.Metrics.map((q) => ({
        Id: q.Id,
        ...(q.Expression ? { Expression: q.Expression } : {}),
        ...(q.Label ? { Label: q.Label } : {}),
        ...(q.MetricStat
          ? {
              MetricStat: {
                Metric: {
                  Dimensions: lowerDimensions(q.MetricStat.Metric.Dimensions),
                  MetricName: q.MetricStat.Metric.MetricName,
                  Namespace: q.MetricStat.Metric.Namespace,
                },
                Period: q.MetricStat.Period,
                Stat: q.MetricStat.Stat,
                ...(q.MetricStat.Unit ? { Unit: q.MetricStat.Unit } : {}),
              },
            }
          : {}),
        ReturnData: q.ReturnData ?? true,
      })),
    };
  }
  return {
    MetricName: alarm.MetricName,
    Namespace: alarm.Namespace,
    StatisticType: alarm.ExtendedStatistic ? "ExtendedStatistic" : "Statistic",
    ...(alarm.ExtendedStatistic ? { ExtendedStatistic: alarm.ExtendedStatistic } : { Statistic: (alarm.Statistic ?? "").toUpperCase() }),
    Unit: alarm.Unit ?? null,
    Dimensions: lowerDimensions(alarm.Dimensions),
    ...common,
  };
}

/**
 * The alarm state-change document CloudWatch publishes to an SNS topic (as recorded from AWS:
 * AlarmName, NewStateValue, NewStateReason, OldStateValue, StateChangeTime, Region, AlarmArn, the
 * actions, and Trigger with the metric or, for metric math, Metrics with lower-case dimension keys).
 */
export function alarmStateChangeMessage(alarm: AlarmRecord, oldState: AlarmState, atMs: number) {
  return {
    AlarmName: alarm.AlarmName,
    AlarmDescription: alarm.AlarmDescription ?? null,
    AWSAccountId: ACCOUNT_ID,
    AlarmConfigurationUpdatedTimestamp: notificationTime(alarm.AlarmConfigurationUpdatedTimestamp),
    NewStateValue: alarm.StateValue,
    NewStateReason: alarm.StateReason,
    StateChangeTime: notificationTime(atMs),
    Region: REGION_NAMES[region()] ?? region(),
    AlarmArn: alarm.AlarmArn,
    OldStateValue: oldState,
    OKActions: alarm.OKActions,
    AlarmActions: alarm.AlarmActions,
    InsufficientDataActions: alarm.InsufficientDataActions,
    Trigger: trigger(alarm),
  };
}

export type AlarmStateChangeMessage = ReturnType<typeof alarmStateChangeMessage>;

/**
 * What Lambda receives from an SNS subscription (Lambda developer guide, "Using AWS Lambda with
 * Amazon SNS"): one record per delivery, the published text in Records[0].Sns.Message. CloudWatch
 * sets the subject to `ALARM: "<name>" in <Region>`.
 */
export function snsLambdaEvent(topicArn: string, message: AlarmStateChangeMessage, atMs: number, subscriptionId = randomUUID()) {
  return {
    Records: [
      {
        EventSource: "aws:sns",
        EventVersion: "1.0",
        EventSubscriptionArn: `${topicArn}:${subscriptionId}`,
        Sns: {
          Type: "Notification",
          MessageId: randomUUID(),
          TopicArn: topicArn,
          Subject: `${message.NewStateValue}: "${message.AlarmName}" in ${message.Region}`.slice(0, 100),
          Message: JSON.stringify(message),
          Timestamp: new Date(atMs).toISOString(),
          SignatureVersion: "1",
          Signature: "EXAMPLE",
          SigningCertUrl: `https://sns.${region()}.amazonaws.com/SimpleNotificationService-local.pem`,
          UnsubscribeUrl: `https://sns.${region()}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${topicArn}:${subscriptionId}`,
          MessageAttributes: {},
        },
      },
    ],
  };
}
