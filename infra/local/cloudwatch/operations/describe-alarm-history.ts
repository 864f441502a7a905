import { z } from "zod";
import { parseRequest, wireTimestamp } from "../wire";
import { page } from "./alarm-pages";
import type { OperationContext } from "./context";

const requestSchema = z.object({
  AlarmName: z.string().min(1).max(255).optional(),
  AlarmContributorId: z.string().optional(),
  AlarmTypes: z.array(z.enum(["CompositeAlarm", "MetricAlarm"])).optional(),
  HistoryItemType: z
    .enum(["ConfigurationUpdate", "StateUpdate", "Action", "AlarmContributorStateUpdate", "AlarmContributorAction"])
    .optional(),
  StartDate: wireTimestamp.optional(),
  EndDate: wireTimestamp.optional(),
  MaxRecords: z.number().int().min(1).max(100).optional(),
  NextToken: z.string().optional(),
  ScanBy: z.enum(["TimestampDescending", "TimestampAscending"]).optional(),
});

/**
 * DescribeAlarmHistory (CloudWatch API reference): configuration updates, state updates and actions
 * of one alarm or all, newest first unless ScanBy=TimestampAscending, within StartDate–EndDate,
 * MaxRecords 1–100 (default 50). History is kept two weeks; an alarm's history outlives the alarm.
 */
export function describeAlarmHistory(ctx: OperationContext, body: unknown) {
  const r = parseRequest(requestSchema, body);
  const metricAlarms = !r.AlarmTypes || r.AlarmTypes.includes("MetricAlarm");
  const matches = ctx.alarms
    .historyItems()
    .filter((h) => metricAlarms && (!r.AlarmName || h.AlarmName === r.AlarmName))
    .filter((h) => !r.HistoryItemType || h.HistoryItemType === r.HistoryItemType)
    .filter((h) => (r.StartDate === undefined || h.Timestamp >= r.StartDate) && (r.EndDate === undefined || h.Timestamp <= r.EndDate))
    .map((h, i) => ({ h, i }))
    // Stable by insertion for equal timestamps (a transition and its action in the same millisecond).
    .sort((a, b) =>
      r.ScanBy === "TimestampAscending" ? a.h.Timestamp - b.h.Timestamp || a.i - b.i : b.h.Timestamp - a.h.Timestamp || b.i - a.i,
    )
    .map(({ h }) => h);
  const { items, NextToken } = page(matches, r.MaxRecords ?? 50, r.NextToken);
  return { AlarmHistoryItems: items.map((h) => ({ ...h, Timestamp: h.Timestamp / 1000 })), ...(NextToken ? { NextToken } : {}) };
}
