import { z } from "zod";
import { parseEndpointAlarmName } from "./alarm-definitions";

/**
 * The SNS-to-Lambda event (Lambda developer guide, "Using Lambda with Amazon SNS") carrying a
 * CloudWatch alarm's state-change message (Records[].Sns.Message, a JSON string).
 */
const snsEventSchema = z.object({
  Records: z
    .array(
      z.object({
        EventSource: z.literal("aws:sns"),
        Sns: z.object({ MessageId: z.string().min(1), TopicArn: z.string(), Message: z.string(), Timestamp: z.string().optional() }),
      }),
    )
    .min(1),
});

const dimensionSchema = z.object({ name: z.string(), value: z.string() });

const alarmMessageSchema = z.object({
  AlarmName: z.string().min(1),
  AlarmArn: z.string().optional(),
  NewStateValue: z.enum(["OK", "ALARM", "INSUFFICIENT_DATA"]),
  OldStateValue: z.enum(["OK", "ALARM", "INSUFFICIENT_DATA"]).optional(),
  NewStateReason: z.string(),
  StateChangeTime: z.string(),
  Trigger: z
    .object({
      Dimensions: z.array(dimensionSchema).optional(),
      Metrics: z
        .array(z.object({ MetricStat: z.object({ Metric: z.object({ Dimensions: z.array(dimensionSchema).optional() }) }).optional() }))
        .optional(),
    })
    .optional(),
});

export interface AlarmNotification {
  messageId: string;
  alarmName: string;
  alarmArn: string | undefined;
  newState: "OK" | "ALARM" | "INSUFFICIENT_DATA";
  reason: string;
  stateChangeTime: string;
  tenantId: string;
  endpointName: string;
}

export class AlarmNotificationError extends Error {
  override name = "AlarmNotificationError";
}

/**
 * Each record's alarm, with the tenant and endpoint it is about: read from the alarm's name
 * (alarm-definitions.ts names every alarm `fraud-console/<tenant>/<endpoint>/<kind>`) and checked
 * against the dimensions of the metric(s) it watches — EndpointName for SageMaker's metrics,
 * TenantId for the console's own (VariantLatency, ErrorBudgetBurned: a tenant has one endpoint) —
 * so a message about another endpoint or tenant can never roll this one back.
 */
export function parseAlarmNotifications(event: unknown): AlarmNotification[] {
  const parsed = snsEventSchema.safeParse(event);
  if (!parsed.success) throw new AlarmNotificationError(`Not an SNS event: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data.Records.map(({ Sns }) => {
    let json: unknown;
    try {
      json = JSON.parse(Sns.Message);
    } catch {
      throw new AlarmNotificationError(`SNS message ${Sns.MessageId} is not JSON`);
    }
    const message = alarmMessageSchema.safeParse(json);
    if (!message.success) throw new AlarmNotificationError(`SNS message ${Sns.MessageId} is not a CloudWatch alarm state change`);
    const m = message.data;
    const target = parseEndpointAlarmName(m.AlarmName);
    if (!target) throw new AlarmNotificationError(`Alarm ${m.AlarmName} is not one of ours (fraud-console/<tenant>/<endpoint>/<kind>)`);
    const dimensions = [
      ...(m.Trigger?.Dimensions ?? []),
      ...(m.Trigger?.Metrics ?? []).flatMap((q) => q.MetricStat?.Metric.Dimensions ?? []),
    ];
    const endpoints = new Set(dimensions.filter((d) => d.name === "EndpointName").map((d) => d.value));
    const tenants = new Set(dimensions.filter((d) => d.name === "TenantId").map((d) => d.value));
    if (endpoints.size + tenants.size === 0) {
      throw new AlarmNotificationError(`Alarm ${m.AlarmName} watches no metric of an endpoint or a tenant`);
    }
    if (endpoints.size > 1 || (endpoints.size === 1 && !endpoints.has(target.endpointName))) {
      throw new AlarmNotificationError(
        `Alarm ${m.AlarmName} watches endpoint(s) [${[...endpoints].join(", ")}], not ${target.endpointName}`,
      );
    }
    if (tenants.size > 1 || (tenants.size === 1 && !tenants.has(target.tenantId))) {
      throw new AlarmNotificationError(`Alarm ${m.AlarmName} watches tenant(s) [${[...tenants].join(", ")}], not ${target.tenantId}`);
    }
    return {
      messageId: Sns.MessageId,
      alarmName: m.AlarmName,
      alarmArn: m.AlarmArn,
      newState: m.NewStateValue,
      reason: m.NewStateReason,
      stateChangeTime: m.StateChangeTime,
      tenantId: target.tenantId,
      endpointName: target.endpointName,
    };
  });
}
