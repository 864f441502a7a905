import { z } from "zod";
import { toWire } from "../alarms/alarm-model";
import { invalidParameterCombination } from "../errors";
import { parseRequest } from "../wire";
import { page } from "./alarm-pages";
import type { OperationContext } from "./context";

const requestSchema = z.object({
  AlarmNames: z.array(z.string().min(1).max(255)).max(100).optional(),
  AlarmNamePrefix: z.string().min(1).max(255).optional(),
  AlarmTypes: z.array(z.enum(["CompositeAlarm", "MetricAlarm"])).optional(),
  ChildrenOfAlarmName: z.string().optional(),
  ParentsOfAlarmName: z.string().optional(),
  StateValue: z.enum(["OK", "ALARM", "INSUFFICIENT_DATA"]).optional(),
  ActionPrefix: z.string().min(1).max(1024).optional(),
  MaxRecords: z.number().int().min(1).max(100).optional(),
  NextToken: z.string().optional(),
});

/**
 * DescribeAlarms (CloudWatch API reference): metric alarms in name order, filtered by names or a
 * name prefix (not both), state and action prefix; MaxRecords 1–100, default 50. Without AlarmTypes
 * only metric alarms are returned; this emulator has no composite alarms.
 */
export function describeAlarms(ctx: OperationContext, body: unknown) {
  const r = parseRequest(requestSchema, body);
  if (r.AlarmNames && r.AlarmNamePrefix) {
    throw invalidParameterCombination("AlarmNamePrefix and AlarmNames cannot be specified together.");
  }
  const wantsMetricAlarms = !r.AlarmTypes || r.AlarmTypes.includes("MetricAlarm");
  const matches = !wantsMetricAlarms
    ? []
    : ctx.alarms
        .all()
        .filter((a) => !r.AlarmNames || r.AlarmNames.includes(a.AlarmName))
        .filter((a) => !r.AlarmNamePrefix || a.AlarmName.startsWith(r.AlarmNamePrefix))
        .filter((a) => !r.StateValue || a.StateValue === r.StateValue)
        .filter(
          (a) =>
            !r.ActionPrefix || [...a.AlarmActions, ...a.OKActions, ...a.InsufficientDataActions].some((x) => x.startsWith(r.ActionPrefix!)),
        );
  const { items, NextToken } = page(matches, r.MaxRecords ?? 50, r.NextToken);
  return { MetricAlarms: items.map(toWire), CompositeAlarms: [], ...(NextToken ? { NextToken } : {}) };
}
