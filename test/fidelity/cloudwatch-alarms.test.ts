import {
  DeleteAlarmsCommand,
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  InvalidFormatFault,
  InvalidParameterCombinationException,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  ResourceNotFound,
  SetAlarmStateCommand,
  type PutMetricAlarmCommandInput,
} from "@aws-sdk/client-cloudwatch";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { cloudWatchClient } from "@/lib/aws/clients";
import { failure } from "./support";

/**
 * CloudWatch alarms as the API reference describes them (PutMetricAlarm, DescribeAlarms,
 * DescribeAlarmHistory, SetAlarmState, DeleteAlarms) and the user guide's evaluation. Alarms here use
 * TreatMissingData "ignore" on metrics nobody publishes, so the emulator's scheduled evaluation
 * (running for the whole stack) leaves their state alone while a case looks at it.
 */
const P = `fid-alarms-${Date.now().toString(36)}`;
const cw = () => cloudWatchClient();

const alarm = (name: string, extra: Partial<PutMetricAlarmCommandInput> = {}): PutMetricAlarmCommandInput => ({
  AlarmName: `${P}-${name}`,
  Namespace: `Fidelity/${P}`,
  MetricName: "quiet",
  Dimensions: [{ Name: "EndpointName", Value: "e" }],
  Statistic: "Sum",
  Period: 60,
  EvaluationPeriods: 3,
  Threshold: 1,
  ComparisonOperator: "GreaterThanThreshold",
  TreatMissingData: "ignore",
  ...extra,
});

const describeOne = async (name: string) =>
  (await cw().send(new DescribeAlarmsCommand({ AlarmNames: [`${P}-${name}`] }))).MetricAlarms?.[0];

describe("PutMetricAlarm + DescribeAlarms", () => {
  // PutMetricAlarm: "When this operation creates an alarm, the alarm state is immediately set to INSUFFICIENT_DATA."
  it("creates an alarm in INSUFFICIENT_DATA, described with its ARN and AWS's defaults", async () => {
    await cw().send(new PutMetricAlarmCommand(alarm("new")));
    expect(await describeOne("new")).toMatchObject({
      AlarmName: `${P}-new`,
      AlarmArn: `arn:aws:cloudwatch:us-east-1:000000000000:alarm:${P}-new`,
      ActionsEnabled: true,
      AlarmActions: [],
      OKActions: [],
      InsufficientDataActions: [],
      StateValue: "INSUFFICIENT_DATA",
      StateReason: "Unchecked: Initial alarm creation",
      Dimensions: [{ Name: "EndpointName", Value: "e" }],
      Statistic: "Sum",
      Period: 60,
      EvaluationPeriods: 3,
      Threshold: 1,
      ComparisonOperator: "GreaterThanThreshold",
      TreatMissingData: "ignore",
    });
    expect((await describeOne("new"))?.StateUpdatedTimestamp).toBeInstanceOf(Date);
  });

  // "When you update an existing alarm, its state is left unchanged, but the update completely overwrites the previous configuration."
  it("leaves the state of an updated alarm unchanged and replaces its configuration", async () => {
    await cw().send(new PutMetricAlarmCommand(alarm("update")));
    await cw().send(new SetAlarmStateCommand({ AlarmName: `${P}-update`, StateValue: "ALARM", StateReason: "by hand" }));
    await cw().send(new PutMetricAlarmCommand(alarm("update", { Threshold: 5, ExtendedStatistic: "p95", Statistic: undefined })));
    const described = await describeOne("update");
    expect(described).toMatchObject({ StateValue: "ALARM", StateReason: "by hand", Threshold: 5, ExtendedStatistic: "p95" });
    expect(described?.Statistic).toBeUndefined();
  });

  it("describes a metric math alarm with its Metrics and no single metric", async () => {
    await cw().send(
      new PutMetricAlarmCommand({
        ...alarm("math", { Namespace: undefined, MetricName: undefined, Dimensions: undefined, Statistic: undefined, Period: undefined }),
        Metrics: [
          { Id: "rate", Expression: "100 * e / n", ReturnData: true },
          {
            Id: "e",
            ReturnData: false,
            MetricStat: { Metric: { Namespace: `Fidelity/${P}`, MetricName: "errors" }, Period: 10, Stat: "Sum" },
          },
          {
            Id: "n",
            ReturnData: false,
            MetricStat: { Metric: { Namespace: `Fidelity/${P}`, MetricName: "calls" }, Period: 10, Stat: "Sum" },
          },
        ],
      }),
    );
    const described = await describeOne("math");
    expect(described?.Metrics?.map((m) => m.Id)).toEqual(["rate", "e", "n"]);
    expect(described?.MetricName).toBeUndefined();
  });

  // PutMetricAlarm: "you must specify either Statistic or ExtendedStatistic, but not both."
  it("refuses Statistic together with ExtendedStatistic", async () => {
    const error = await failure(() => cw().send(new PutMetricAlarmCommand(alarm("both", { ExtendedStatistic: "p99" }))));
    expect(error).toBeInstanceOf(InvalidParameterCombinationException);
  });

  // DescribeAlarms: "If this parameter [AlarmNamePrefix] is specified, you cannot specify AlarmNames."
  it("refuses AlarmNames together with AlarmNamePrefix", async () => {
    const error = await failure(() => cw().send(new DescribeAlarmsCommand({ AlarmNames: [`${P}-new`], AlarmNamePrefix: P })));
    expect(error).toBeInstanceOf(InvalidParameterCombinationException);
  });

  it("lists by name prefix in name order, MaxRecords per page with NextToken", async () => {
    for (const n of ["page-b", "page-a", "page-c"]) await cw().send(new PutMetricAlarmCommand(alarm(n)));
    const first = await cw().send(new DescribeAlarmsCommand({ AlarmNamePrefix: `${P}-page-`, MaxRecords: 2 }));
    const second = await cw().send(new DescribeAlarmsCommand({ AlarmNamePrefix: `${P}-page-`, MaxRecords: 2, NextToken: first.NextToken }));
    expect([first.MetricAlarms?.map((a) => a.AlarmName), second.MetricAlarms?.map((a) => a.AlarmName), second.NextToken]).toEqual([
      [`${P}-page-a`, `${P}-page-b`],
      [`${P}-page-c`],
      undefined,
    ]);
    expect(first.CompositeAlarms).toEqual([]);
  });
});

describe("SetAlarmState, DescribeAlarmHistory, DeleteAlarms", () => {
  // SetAlarmState errors: ResourceNotFound (404), InvalidFormat (StateReasonData not JSON).
  it("answers an unknown alarm with ResourceNotFound and bad StateReasonData with InvalidFormat", async () => {
    const missing = await failure(() =>
      cw().send(new SetAlarmStateCommand({ AlarmName: `${P}-ghost`, StateValue: "OK", StateReason: "x" })),
    );
    expect(missing).toBeInstanceOf(ResourceNotFound);
    expect(missing.$metadata?.httpStatusCode).toBe(404);
    await cw().send(new PutMetricAlarmCommand(alarm("format")));
    const format = await failure(() =>
      cw().send(new SetAlarmStateCommand({ AlarmName: `${P}-format`, StateValue: "OK", StateReason: "x", StateReasonData: "{not json" })),
    );
    expect(format).toBeInstanceOf(InvalidFormatFault);
  });

  it("records configuration and state updates, newest first, with the states in HistoryData", async () => {
    await cw().send(new PutMetricAlarmCommand(alarm("history")));
    await cw().send(new SetAlarmStateCommand({ AlarmName: `${P}-history`, StateValue: "ALARM", StateReason: "testing" }));
    const { AlarmHistoryItems } = await cw().send(new DescribeAlarmHistoryCommand({ AlarmName: `${P}-history` }));
    expect(AlarmHistoryItems?.map((h) => [h.HistoryItemType, h.HistorySummary, h.AlarmType])).toEqual([
      ["StateUpdate", "Alarm updated from INSUFFICIENT_DATA to ALARM", "MetricAlarm"],
      ["ConfigurationUpdate", `Alarm "${P}-history" created`, "MetricAlarm"],
    ]);
    expect(JSON.parse(AlarmHistoryItems![0]!.HistoryData!)).toMatchObject({
      version: "1.0",
      oldState: { stateValue: "INSUFFICIENT_DATA", stateReason: "Unchecked: Initial alarm creation" },
      newState: { stateValue: "ALARM", stateReason: "testing" },
    });
    const stateOnly = await cw().send(
      new DescribeAlarmHistoryCommand({ AlarmName: `${P}-history`, HistoryItemType: "StateUpdate", ScanBy: "TimestampAscending" }),
    );
    expect(stateOnly.AlarmHistoryItems).toHaveLength(1);
  });

  // DeleteAlarms: "If you specify an incorrect alarm name or make any other error in the operation, no alarms are deleted."
  it("deletes nothing when one of the names is unknown", async () => {
    await cw().send(new PutMetricAlarmCommand(alarm("keep")));
    const error = await failure(() => cw().send(new DeleteAlarmsCommand({ AlarmNames: [`${P}-keep`, `${P}-ghost`] })));
    expect(error).toBeInstanceOf(ResourceNotFound);
    expect(await describeOne("keep")).toBeDefined();
    await cw().send(new DeleteAlarmsCommand({ AlarmNames: [`${P}-keep`] }));
    expect(await describeOne("keep")).toBeUndefined();
  });
});

describe("evaluation (user guide, Evaluating an alarm; high-resolution alarms)", () => {
  it("goes to ALARM on a 10 s metric-math alarm over high-resolution data, with CloudWatch's reason", async () => {
    const ns = `Fidelity/${P}/eval`;
    const now = Date.now();
    const periodEnd = Math.floor(now / 10_000) * 10_000;
    // Three whole 10 s periods before `periodEnd`, each 5 errors of 100 calls (5 % > 1 %).
    const MetricData = [30, 20, 10].flatMap((ago) => [
      { MetricName: "errors", Timestamp: new Date(periodEnd - ago * 1000 + 1000), Value: 5, StorageResolution: 1 },
      { MetricName: "calls", Timestamp: new Date(periodEnd - ago * 1000 + 1000), Value: 100, StorageResolution: 1 },
    ]);
    await cw().send(new PutMetricDataCommand({ Namespace: ns, MetricData }));
    await cw().send(
      new PutMetricAlarmCommand({
        AlarmName: `${P}-eval`,
        EvaluationPeriods: 3,
        DatapointsToAlarm: 3,
        Threshold: 1,
        ComparisonOperator: "GreaterThanThreshold",
        TreatMissingData: "ignore",
        Metrics: [
          { Id: "rate", Expression: "100 * e / n", ReturnData: true },
          { Id: "e", ReturnData: false, MetricStat: { Metric: { Namespace: ns, MetricName: "errors" }, Period: 10, Stat: "Sum" } },
          { Id: "n", ReturnData: false, MetricStat: { Metric: { Namespace: ns, MetricName: "calls" }, Period: 10, Stat: "Sum" } },
        ],
      }),
    );
    // The emulator-only control evaluates every alarm as of a given time instead of waiting for its schedule.
    const response = await fetch(`${inject("stackUrls").cloudwatch}/_emulator/alarms/evaluate`, {
      method: "POST",
      body: JSON.stringify({ at: periodEnd + 500 }),
    });
    expect(response.status).toBe(200);
    const described = await describeOne("eval");
    expect(described?.StateValue).toBe("ALARM");
    expect(described?.StateReason).toMatch(
      /^Threshold Crossed: 3 out of the last 3 datapoints \[5\.0 \(.+\), 5\.0 \(.+\), 5\.0 \(.+\)\] were greater than the threshold \(1\.0\) \(minimum 3 datapoints for INSUFFICIENT_DATA -> ALARM transition\)\.$/,
    );
    expect(JSON.parse(described!.StateReasonData!)).toMatchObject({
      version: "1.0",
      period: 10,
      threshold: 1,
      recentDatapoints: [5, 5, 5],
    });
  });
});
