import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { endpointAlarms } from "@/lib/deployments/alarm-definitions";
import { createDecisionMetrics } from "@/lib/metrics/decision-metrics";
import type { OperationContext } from "../operations/context";
import { putMetricAlarm } from "../operations/put-metric-alarm";
import { metricIdentity } from "../store/metric-id";
import { MetricStore } from "../store/metric-store";
import { AlarmEvaluator } from "./alarm-evaluator";
import { AlarmStore } from "./alarm-store";
import { SnsDelivery } from "./sns-delivery";

/** Hand-computed transitions of the evaluator on its own clock: no timers, no wall clock. */
const T0 = Date.UTC(2026, 11, 1, 12, 0, 0);
const dims = [
  { Name: "EndpointName", Value: "ep" },
  { Name: "VariantName", Value: "canary" },
];

let dir: string;
let metrics: MetricStore;
let alarms: AlarmStore;
let evaluator: AlarmEvaluator;
let ctx: OperationContext;
let received: unknown[];
let receiver: Server;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "cw-alarms-"));
  metrics = new MetricStore();
  alarms = await AlarmStore.open(dir);
  received = [];
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      received.push({ url: req.url, type: req.headers["x-amz-invocation-type"], event: JSON.parse(body) as unknown });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  const sns = new SnsDelivery({ subscriptions: [{ topicName: "rollback", functionName: "rollback-fn" }], lambdaEndpoint: () => url });
  evaluator = new AlarmEvaluator(metrics, alarms, sns, () => T0);
  ctx = { store: metrics, record: (d) => metrics.addDatum(d), alarms, evaluator, now: () => T0 };
});

afterEach(async () => {
  await evaluator.stop();
  await alarms.flush();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

/** One request-level datum per value at second `sec` after T0 (1-second resolution, as a 10 s alarm needs). */
function put(metricName: string, sec: number, values: number[], counts?: number[]) {
  metrics.addDatum({
    id: metricIdentity("AWS/SageMaker", metricName, dims),
    timestamp: T0 + sec * 1000,
    unit: "None",
    resolution: 1,
    values,
    counts,
  });
}

const states = (name: string, times: number[]) =>
  times.map((sec) => {
    evaluator.evaluateAt(T0 + sec * 1000);
    return alarms.get(name)?.StateValue;
  });

describe("AlarmEvaluator", () => {
  it("fires a 5xx-rate metric-math alarm at the third breaching 10 s period, not before (3 of 3)", () => {
    putMetricAlarm(ctx, {
      AlarmName: "rate",
      EvaluationPeriods: 3,
      DatapointsToAlarm: 3,
      Threshold: 1,
      ComparisonOperator: "GreaterThanThreshold",
      TreatMissingData: "notBreaching",
      Metrics: [
        { Id: "e", Expression: "100 * errors / invocations", ReturnData: true },
        {
          Id: "errors",
          ReturnData: false,
          MetricStat: {
            Metric: { Namespace: "AWS/SageMaker", MetricName: "Invocation5XXErrors", Dimensions: dims },
            Period: 10,
            Stat: "Sum",
          },
        },
        {
          Id: "invocations",
          ReturnData: false,
          MetricStat: { Metric: { Namespace: "AWS/SageMaker", MetricName: "Invocations", Dimensions: dims }, Period: 10, Stat: "Sum" },
        },
      ],
    });
    // Periods [0,10) and [10,20): 0 of 100 fail; [20,30), [30,40), [40,50): 2 of 100 (2 % > 1 %).
    for (const [sec, errors] of [
      [5, 0],
      [15, 0],
      [25, 2],
      [35, 2],
      [45, 2],
    ] as const) {
      put("Invocations", sec, [1], [100]);
      put("Invocation5XXErrors", sec, [0, 1], [100 - errors, errors]);
    }
    // At 30 s the newest period is [20,30): one breach of three; at 50 s [20,50) all breach.
    expect(states("rate", [20, 30, 40, 50])).toEqual(["OK", "OK", "OK", "ALARM"]);
    expect(alarms.get("rate")?.StateReason).toMatch(
      /^Threshold Crossed: 3 out of the last 3 datapoints \[2\.0 \(01\/12\/26 12:00:40\), 2\.0/,
    );
  });

  it("fires a ModelLatency p95 alarm on the percentile, not the average", () => {
    putMetricAlarm(ctx, {
      AlarmName: "p95",
      Namespace: "AWS/SageMaker",
      MetricName: "ModelLatency",
      Dimensions: dims,
      ExtendedStatistic: "p95",
      Period: 10,
      EvaluationPeriods: 1,
      Threshold: 200_000,
      ComparisonOperator: "GreaterThanThreshold",
    });
    // 94 fast requests and 6 slow ones: average 53,200 µs, p95 = 500,000 µs (nearest rank 95 of 100).
    put("ModelLatency", 5, [20_000, 500_000], [94, 6]);
    expect(states("p95", [10])).toEqual(["ALARM"]);
    // 96 fast, 4 slow: p95 is fast.
    put("ModelLatency", 15, [20_000, 500_000], [96, 4]);
    expect(states("p95", [20])).toEqual(["OK"]);
  });

  it("fires lib/deployments' canary latency alarm on the console's VariantLatency as the scoring path publishes it", () => {
    const definition = endpointAlarms({
      tenantId: "t1",
      endpointName: "ep",
      rollbackTopicArn: "arn:aws:sns:us-east-1:000000000000:rollback",
      latencySloMs: 200,
      highResolution: true,
    }).find((a) => a.AlarmName.endsWith("/canary-latency-p95"))!;
    putMetricAlarm(ctx, { ...definition, ActionsEnabled: false });
    // The console's aggregator on the evaluator's clock: per 10 s, 19 fast answers and one slow one
    // (p95 fast) in [0,20); from 20 s, 18 fast and two slow (nearest rank 19 of 20: p95 = 450 ms).
    const decisions = createDecisionMetrics({ now: () => T0 });
    const answer = (sec: number, latencyMs: number) =>
      decisions.record({
        tenantId: "t1",
        decision: "LEGIT",
        degraded: false,
        ruleOnly: false,
        latencyMs,
        at: T0 + sec * 1000,
        variant: "canary",
      });
    for (let period = 0; period < 5; period++) {
      const slow = period < 2 ? 1 : 2;
      for (let i = 0; i < 20; i++) answer(period * 10 + i * 0.5, i < slow ? 450 : 30);
    }
    for (const d of decisions.drain()) {
      metrics.addDatum({
        id: metricIdentity(
          "FraudConsole",
          d.MetricName!,
          d.Dimensions?.map((x) => ({ Name: x.Name!, Value: x.Value! })),
        ),
        timestamp: d.Timestamp!.getTime(),
        unit: d.Unit!,
        resolution: d.StorageResolution === 1 ? 1 : 60,
        values: d.Values,
        counts: d.Counts,
      });
    }
    expect(states(definition.AlarmName, [20, 30, 40, 50])).toEqual(["OK", "OK", "OK", "ALARM"]);
  });

  it("treats an empty range by TreatMissingData: missing → INSUFFICIENT_DATA, ignore → unchanged", () => {
    const base = {
      Namespace: "AWS/SageMaker",
      MetricName: "Invocations",
      Dimensions: dims,
      Statistic: "Sum",
      Period: 10,
      EvaluationPeriods: 3,
      Threshold: 1,
      ComparisonOperator: "GreaterThanThreshold",
    };
    putMetricAlarm(ctx, { ...base, AlarmName: "m", TreatMissingData: "missing" });
    putMetricAlarm(ctx, { ...base, AlarmName: "i", TreatMissingData: "ignore" });
    putMetricAlarm(ctx, { ...base, AlarmName: "b", TreatMissingData: "breaching" });
    evaluator.setState(alarms.get("m")!, "OK", "test", undefined, T0);
    evaluator.setState(alarms.get("i")!, "OK", "test", undefined, T0);
    evaluator.evaluateAt(T0 + 60_000);
    expect(["m", "i", "b"].map((n) => alarms.get(n)?.StateValue)).toEqual(["INSUFFICIENT_DATA", "OK", "ALARM"]);
  });

  it("records each transition in history and sends one SNS-to-Lambda event per OK → ALARM", async () => {
    putMetricAlarm(ctx, {
      AlarmName: "tenant-ep-canary-5xx",
      Namespace: "AWS/SageMaker",
      MetricName: "Invocation5XXErrors",
      Dimensions: dims,
      Statistic: "Average",
      Period: 10,
      EvaluationPeriods: 1,
      Threshold: 0.01,
      ComparisonOperator: "GreaterThanThreshold",
      AlarmActions: ["arn:aws:sns:us-east-1:000000000000:rollback"],
    });
    put("Invocation5XXErrors", 5, [0], [10]);
    evaluator.evaluateAt(T0 + 10_000);
    put("Invocation5XXErrors", 15, [1], [10]);
    evaluator.evaluateAt(T0 + 20_000);
    evaluator.evaluateAt(T0 + 20_000);
    await evaluator.settled();
    const history = alarms.historyItems().map((h) => [h.HistoryItemType, h.HistorySummary]);
    expect(history).toEqual([
      ["ConfigurationUpdate", 'Alarm "tenant-ep-canary-5xx" created'],
      ["StateUpdate", "Alarm updated from INSUFFICIENT_DATA to OK"],
      ["StateUpdate", "Alarm updated from OK to ALARM"],
      ["Action", "Successfully executed action arn:aws:sns:us-east-1:000000000000:rollback"],
    ]);
    expect(received).toHaveLength(1);
    const { url, type, event } = received[0] as {
      url: string;
      type: string;
      event: { Records: Array<{ EventSource: string; Sns: { TopicArn: string; Message: string } }> };
    };
    expect([url, type]).toEqual(["/2015-03-31/functions/rollback-fn/invocations", "Event"]);
    expect(event.Records[0]?.EventSource).toBe("aws:sns");
    expect(event.Records[0]?.Sns.TopicArn).toBe("arn:aws:sns:us-east-1:000000000000:rollback");
    expect(JSON.parse(event.Records[0]!.Sns.Message)).toMatchObject({
      AlarmName: "tenant-ep-canary-5xx",
      NewStateValue: "ALARM",
      OldStateValue: "OK",
      AWSAccountId: "000000000000",
      Trigger: {
        MetricName: "Invocation5XXErrors",
        Namespace: "AWS/SageMaker",
        StatisticType: "Statistic",
        Statistic: "AVERAGE",
        Dimensions: [
          { value: "ep", name: "EndpointName" },
          { value: "canary", name: "VariantName" },
        ],
        Period: 10,
        EvaluationPeriods: 1,
        Threshold: 0.01,
      },
    });
  });

  it("keeps alarms, state and history across a restart", async () => {
    putMetricAlarm(ctx, {
      AlarmName: "kept",
      Namespace: "N",
      MetricName: "m",
      Statistic: "Sum",
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: "GreaterThanThreshold",
    });
    evaluator.setState(alarms.get("kept")!, "ALARM", "by hand", undefined, T0);
    await alarms.flush();
    const reopened = await AlarmStore.open(dir);
    expect(reopened.get("kept")).toMatchObject({ StateValue: "ALARM", StateReason: "by hand" });
    expect(reopened.historyItems()).toHaveLength(2);
  });
});
