import { describe, expect, it } from "vitest";
import { endpointAlarms } from "./alarm-definitions";
import { handleAlarmNotifications, type RollbackFn } from "./rollback-handler";

/** An in-memory table that honours attribute_not_exists, enough for the handler's three writes. */
function fakeDb() {
  const items = new Map<string, Record<string, unknown>>();
  const key = (k: { PK: string; SK: string }) => `${k.PK}|${k.SK}`;
  return {
    items,
    send: (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      const input = command.input as {
        Key?: { PK: string; SK: string };
        Item?: { PK: string; SK: string };
        ExpressionAttributeValues?: Record<string, unknown>;
      };
      switch (command.constructor.name) {
        case "GetCommand":
          return Promise.resolve({ Item: items.get(key(input.Key!)) });
        case "PutCommand":
          if (items.has(key(input.Item!)))
            return Promise.reject(Object.assign(new Error("exists"), { name: "ConditionalCheckFailedException" }));
          items.set(key(input.Item!), { ...input.Item });
          return Promise.resolve({});
        case "UpdateCommand": {
          const values = input.ExpressionAttributeValues!;
          items.set(key(input.Key!), { ...items.get(key(input.Key!)), state: values[":done"], eventId: values[":eventId"] });
          return Promise.resolve({});
        }
        default:
          return Promise.reject(new Error(`unexpected ${command.constructor.name}`));
      }
    },
  };
}

const [rateAlarm, latencyAlarm, budgetAlarm] = endpointAlarms({
  tenantId: "acme-bank",
  endpointName: "fraud-acme-bank",
  rollbackTopicArn: "arn:aws:sns:us-east-1:0:t",
});

/** The Trigger of a single-metric alarm's message, as CloudWatch sends it (dimensions lower-case). */
const singleMetricTrigger = (alarm: typeof latencyAlarm) => ({
  MetricName: alarm!.MetricName,
  Namespace: alarm!.Namespace,
  Dimensions: alarm!.Dimensions!.map((d) => ({ value: d.Value, name: d.Name })),
});

function event(messageId: string, overrides: Record<string, unknown> = {}) {
  const message = {
    AlarmName: rateAlarm!.AlarmName,
    NewStateValue: "ALARM",
    OldStateValue: "OK",
    NewStateReason: "Threshold Crossed: 3 out of the last 3 datapoints were greater than the threshold (1.0)",
    StateChangeTime: "2026-12-01T12:00:31.000+0000",
    Trigger: {
      Metrics: rateAlarm!.Metrics!.map((q) => ({
        Id: q.Id,
        ...(q.MetricStat
          ? { MetricStat: { Metric: { Dimensions: q.MetricStat.Metric!.Dimensions!.map((d) => ({ value: d.Value, name: d.Name })) } } }
          : {}),
      })),
    },
    ...overrides,
  };
  return {
    Records: [
      { EventSource: "aws:sns", Sns: { MessageId: messageId, TopicArn: "arn:aws:sns:us-east-1:0:t", Message: JSON.stringify(message) } },
    ],
  };
}

function recorder() {
  const calls: Parameters<RollbackFn>[0][] = [];
  const rollback: RollbackFn = (input) => {
    calls.push(input);
    return Promise.resolve({ id: `event-${calls.length}`, outcome: "succeeded" });
  };
  return { calls, rollback };
}

describe("handleAlarmNotifications", () => {
  it("rolls back the alarm's own tenant endpoint with trigger alarm", async () => {
    const { calls, rollback } = recorder();
    const results = await handleAlarmNotifications(event("m1"), { db: fakeDb(), tableName: "t", rollback });
    expect(results).toEqual([
      { messageId: "m1", alarmName: rateAlarm!.AlarmName, status: "rolled_back", eventId: "event-1", outcome: "succeeded" },
    ]);
    expect(calls).toEqual([
      expect.objectContaining({
        tenantId: "acme-bank",
        endpointName: "fraud-acme-bank",
        trigger: "alarm",
        alarm: rateAlarm!.AlarmName,
        actor: `alarm:${rateAlarm!.AlarmName}`,
      }),
    ]);
  });

  it.each([
    ["the latency alarm (VariantLatency, per tenant and variant)", latencyAlarm],
    ["the error-budget alarm (ErrorBudgetBurned, per tenant)", budgetAlarm],
  ])("rolls back on %s, whose metric names the tenant, not the endpoint", async (_what, alarm) => {
    const { calls, rollback } = recorder();
    const overrides = { AlarmName: alarm!.AlarmName, Trigger: singleMetricTrigger(alarm) };
    await handleAlarmNotifications(event("m5", overrides), { db: fakeDb(), tableName: "t", rollback });
    expect(calls).toEqual([expect.objectContaining({ tenantId: "acme-bank", endpointName: "fraud-acme-bank", alarm: alarm!.AlarmName })]);
  });

  it("does nothing for a redelivered message, even when the first delivery finished", async () => {
    const { calls, rollback } = recorder();
    const deps = { db: fakeDb(), tableName: "t", rollback };
    await handleAlarmNotifications(event("m1"), deps);
    expect(await handleAlarmNotifications(event("m1"), deps)).toEqual([
      { messageId: "m1", alarmName: rateAlarm!.AlarmName, status: "ignored", why: "duplicate" },
    ]);
    expect(calls).toHaveLength(1);
  });

  it("takes up a message whose first delivery died before the rollback finished", async () => {
    const db = fakeDb();
    const failing: RollbackFn = () => Promise.reject(new Error("Lambda timed out"));
    await expect(handleAlarmNotifications(event("m2"), { db, tableName: "t", rollback: failing })).rejects.toThrow("Lambda timed out");
    const { calls, rollback } = recorder();
    await handleAlarmNotifications(event("m2"), { db, tableName: "t", rollback });
    expect(calls).toHaveLength(1);
  });

  it("ignores OK and INSUFFICIENT_DATA notifications", async () => {
    const { calls, rollback } = recorder();
    const results = await handleAlarmNotifications(event("m3", { NewStateValue: "OK" }), { db: fakeDb(), tableName: "t", rollback });
    expect(results[0]).toMatchObject({ status: "ignored", why: "not_alarm" });
    expect(calls).toHaveLength(0);
  });

  it.each([
    ["an alarm that is not ours", { AlarmName: "someone-elses-alarm" }, "is not one of ours"],
    [
      "an alarm whose metrics name another endpoint",
      { Trigger: { Dimensions: [{ name: "EndpointName", value: "fraud-globex-pay" }] } },
      "not fraud-acme-bank",
    ],
    [
      "an alarm whose metric names another tenant",
      { AlarmName: latencyAlarm!.AlarmName, Trigger: { Dimensions: [{ name: "TenantId", value: "globex-pay" }] } },
      "not acme-bank",
    ],
    ["an alarm that watches neither an endpoint nor a tenant", { Trigger: { Dimensions: [] } }, "watches no metric"],
  ])("refuses %s", async (_what, overrides, message) => {
    const { calls, rollback } = recorder();
    await expect(handleAlarmNotifications(event("m4", overrides), { db: fakeDb(), tableName: "t", rollback })).rejects.toThrow(message);
    expect(calls).toHaveLength(0);
  });
});
