import {
  GetMetricDataCommand,
  GetMetricStatisticsCommand,
  InvalidParameterValueException,
  ListMetricsCommand,
  PutMetricDataCommand,
  type MetricDatum,
} from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloudWatchClient } from "@/lib/aws/clients";
import { baseTime, startForSdk } from "./test-support";

let emulator: Awaited<ReturnType<typeof startForSdk>>;
beforeAll(async () => {
  emulator = await startForSdk();
});
afterAll(async () => {
  await emulator.stop();
});

const base = baseTime();
const at = (offsetSeconds: number) => new Date(base + offsetSeconds * 1000);
let namespaceCounter = 0;
const freshNamespace = () => `Test/${process.pid}/${++namespaceCounter}`;

async function put(Namespace: string, MetricData: MetricDatum[]) {
  await cloudWatchClient().send(new PutMetricDataCommand({ Namespace, MetricData }));
}

async function query(
  Namespace: string,
  stat: string,
  opts: { period?: number; start?: number; end?: number; dims?: { Name: string; Value: string }[]; scanBy?: "TimestampAscending" } = {},
) {
  const out = await cloudWatchClient().send(
    new GetMetricDataCommand({
      StartTime: at(opts.start ?? 0),
      EndTime: at(opts.end ?? 3600),
      ScanBy: opts.scanBy,
      MetricDataQueries: [
        { Id: "q", MetricStat: { Metric: { Namespace, MetricName: "m", Dimensions: opts.dims }, Period: opts.period ?? 60, Stat: stat } },
      ],
    }),
  );
  const result = out.MetricDataResults?.[0];
  return {
    timestamps: (result?.Timestamps ?? []).map((t) => (t.getTime() - base) / 1000),
    values: result?.Values ?? [],
    status: result?.StatusCode,
  };
}

describe("PutMetricData + GetMetricData through the SDK", () => {
  it.each([
    ["Sum", 5050],
    ["Average", 50.5],
    ["Minimum", 1],
    ["Maximum", 100],
    ["SampleCount", 100],
    ["p50", 50],
    ["p99", 99],
    ["p99.9", 100],
    ["p100", 100],
  ])("computes %s from raw values", async (stat, expected) => {
    const ns = freshNamespace();
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    await put(ns, [{ MetricName: "m", Timestamp: at(10), Values: values.slice(0, 60), Unit: "Milliseconds" }]);
    await put(
      ns,
      values.slice(60).map((v) => ({ MetricName: "m", Timestamp: at(20), Value: v, Unit: "Milliseconds" })),
    );
    expect(await query(ns, stat)).toEqual({ timestamps: [0], values: [expected], status: "Complete" });
  });

  it("weights Values by Counts", async () => {
    const ns = freshNamespace();
    await put(ns, [{ MetricName: "m", Timestamp: at(5), Values: [10, 1000], Counts: [99, 1] }]);
    expect((await query(ns, "SampleCount")).values).toEqual([100]);
    expect((await query(ns, "p99")).values).toEqual([10]);
    expect((await query(ns, "Maximum")).values).toEqual([1000]);
  });

  it("answers statistic sets exactly for Sum/Average/Min/Max/SampleCount and bounds percentiles by min..max", async () => {
    const ns = freshNamespace();
    await put(ns, [{ MetricName: "m", Timestamp: at(5), StatisticValues: { SampleCount: 4, Sum: 10, Minimum: 1, Maximum: 4 } }]);
    expect((await query(ns, "Average")).values).toEqual([2.5]);
    expect((await query(ns, "SampleCount")).values).toEqual([4]);
    const p50 = (await query(ns, "p50")).values[0]!;
    expect(p50).toBeGreaterThanOrEqual(1);
    expect(p50).toBeLessThanOrEqual(4);
    expect((await query(ns, "p100")).values).toEqual([4]);
  });

  it("buckets by period from the start time, newest first by default", async () => {
    const ns = freshNamespace();
    await put(
      ns,
      [0, 60, 300, 360].map((s, i) => ({ MetricName: "m", Timestamp: at(s), Value: i + 1 })),
    );
    expect(await query(ns, "Sum", { period: 300 })).toMatchObject({ timestamps: [300, 0], values: [7, 3] });
    expect(await query(ns, "Sum", { period: 300, scanBy: "TimestampAscending" })).toMatchObject({ timestamps: [0, 300], values: [3, 7] });
    // StartTime 90 s rounds down to the minute (60 s): periods [60, 360) and [360, 660).
    expect(await query(ns, "Sum", { period: 300, start: 90 })).toMatchObject({ timestamps: [360, 60], values: [4, 5] });
    // EndTime is exclusive.
    expect(await query(ns, "Sum", { period: 60, end: 300 })).toMatchObject({ timestamps: [60, 0], values: [2, 1] });
  });

  it("matches the exact dimension set, in any order", async () => {
    const ns = freshNamespace();
    await put(ns, [
      {
        MetricName: "m",
        Timestamp: at(1),
        Value: 1,
        Dimensions: [
          { Name: "A", Value: "1" },
          { Name: "B", Value: "2" },
        ],
      },
      { MetricName: "m", Timestamp: at(1), Value: 10, Dimensions: [{ Name: "A", Value: "1" }] },
      { MetricName: "m", Timestamp: at(1), Value: 100 },
    ]);
    expect(
      (
        await query(ns, "Sum", {
          dims: [
            { Name: "B", Value: "2" },
            { Name: "A", Value: "1" },
          ],
        })
      ).values,
    ).toEqual([1]);
    expect((await query(ns, "Sum", { dims: [{ Name: "A", Value: "1" }] })).values).toEqual([10]);
    expect((await query(ns, "Sum")).values).toEqual([100]);
    expect(
      (
        await query(ns, "Sum", {
          dims: [
            { Name: "A", Value: "1" },
            { Name: "B", Value: "3" },
          ],
        })
      ).values,
    ).toEqual([]);
  });

  it("accepts the AWS/ namespaces our SageMaker emulator publishes to", async () => {
    const dims = [
      { Name: "EndpointName", Value: `ep-${process.pid}` },
      { Name: "VariantName", Value: "canary" },
    ];
    await put("AWS/SageMaker", [{ MetricName: "m", Timestamp: at(1), Value: 7, Unit: "Count", Dimensions: dims }]);
    expect((await query("AWS/SageMaker", "Sum", { dims })).values).toEqual([7]);
  });

  it("pages with MaxDatapoints and NextToken", async () => {
    const ns = freshNamespace();
    await put(
      ns,
      [0, 60, 120].map((s) => ({ MetricName: "m", Timestamp: at(s), Value: s })),
    );
    const input = {
      StartTime: at(0),
      EndTime: at(600),
      MaxDatapoints: 2,
      MetricDataQueries: [{ Id: "q", MetricStat: { Metric: { Namespace: ns, MetricName: "m" }, Period: 60, Stat: "Sum" } }],
    };
    const first = await cloudWatchClient().send(new GetMetricDataCommand(input));
    expect(first.MetricDataResults?.[0]).toMatchObject({ Values: [120, 60], StatusCode: "PartialData" });
    const second = await cloudWatchClient().send(new GetMetricDataCommand({ ...input, NextToken: first.NextToken }));
    expect(second.MetricDataResults?.[0]).toMatchObject({ Values: [0], StatusCode: "Complete" });
    expect(second.NextToken).toBeUndefined();
    await expect(cloudWatchClient().send(new GetMetricDataCommand({ ...input, NextToken: "garbage" }))).rejects.toMatchObject({
      name: "InvalidNextToken",
    });
  });

  it("evaluates metric math expressions", async () => {
    const ns = freshNamespace();
    await put(ns, [
      { MetricName: "errors", Timestamp: at(1), Value: 5 },
      { MetricName: "calls", Timestamp: at(1), Value: 200 },
    ]);
    const stat = (MetricName: string) => ({ Metric: { Namespace: ns, MetricName }, Period: 60, Stat: "Sum" });
    const out = await cloudWatchClient().send(
      new GetMetricDataCommand({
        StartTime: at(0),
        EndTime: at(60),
        MetricDataQueries: [
          { Id: "e", MetricStat: stat("errors"), ReturnData: false },
          { Id: "c", MetricStat: stat("calls"), ReturnData: false },
          { Id: "rate", Expression: "e/c*100", Label: "Error rate" },
          { Id: "total", Expression: "SUM(METRICS())" },
        ],
      }),
    );
    expect(out.MetricDataResults?.map((r) => [r.Id, r.Label, r.Values])).toEqual([
      ["rate", "Error rate", [2.5]],
      ["total", "total", [205]],
    ]);
  });
});

describe("large batches and GetMetricStatistics", () => {
  it("accepts 1000 datums in one call (the SDK gzips the body)", async () => {
    const ns = freshNamespace();
    await put(
      ns,
      Array.from({ length: 1000 }, (_, i) => ({ MetricName: "m", Timestamp: at(i % 120), Value: i })),
    );
    const sums = await query(ns, "SampleCount", { scanBy: "TimestampAscending" });
    expect(sums).toMatchObject({ timestamps: [0, 60], values: [520, 480] });
  });

  it("returns datapoints with statistics, percentiles and the unit", async () => {
    const ns = freshNamespace();
    await put(ns, [{ MetricName: "m", Timestamp: at(70), Values: [1, 2, 3, 4], Unit: "Milliseconds" }]);
    const out = await cloudWatchClient().send(
      new GetMetricStatisticsCommand({
        Namespace: ns,
        MetricName: "m",
        StartTime: at(0),
        EndTime: at(300),
        Period: 300,
        Statistics: ["Sum", "Maximum"],
        ExtendedStatistics: ["p50"],
      }),
    );
    expect(out.Label).toBe("m");
    expect(out.Datapoints).toEqual([{ Timestamp: at(0), Sum: 10, Maximum: 4, Unit: "Milliseconds", ExtendedStatistics: { p50: 2 } }]);
  });
});

describe("ListMetrics", () => {
  it("filters by namespace, metric name and dimensions (name only or name and value)", async () => {
    const ns = freshNamespace();
    await put(ns, [
      { MetricName: "a", Timestamp: at(1), Value: 1, Dimensions: [{ Name: "Tenant", Value: "t1" }] },
      { MetricName: "a", Timestamp: at(1), Value: 1, Dimensions: [{ Name: "Tenant", Value: "t2" }] },
      { MetricName: "b", Timestamp: at(1), Value: 1 },
    ]);
    const list = async (input: Omit<ConstructorParameters<typeof ListMetricsCommand>[0], "Namespace">) =>
      ((await cloudWatchClient().send(new ListMetricsCommand({ Namespace: ns, ...input }))).Metrics ?? []).map(
        (m) => `${m.MetricName}:${(m.Dimensions ?? []).map((d) => d.Value).join(",")}`,
      );
    expect((await list({})).sort()).toEqual(["a:t1", "a:t2", "b:"]);
    expect((await list({ MetricName: "a", Dimensions: [{ Name: "Tenant" }] })).sort()).toEqual(["a:t1", "a:t2"]);
    expect(await list({ Dimensions: [{ Name: "Tenant", Value: "t2" }] })).toEqual(["a:t2"]);
  });
});

describe("validation errors surface as typed SDK errors", () => {
  const cases: Array<[string, MetricDatum[] | undefined, string | undefined, string]> = [
    ["missing namespace", [{ MetricName: "m", Value: 1 }], undefined, "MissingRequiredParameterException"],
    ["Value with Values", [{ MetricName: "m", Value: 1, Values: [1] }], "NS", "InvalidParameterCombinationException"],
    [
      "Value with StatisticValues",
      [{ MetricName: "m", Value: 1, StatisticValues: { SampleCount: 1, Sum: 1, Minimum: 1, Maximum: 1 } }],
      "NS",
      "InvalidParameterCombinationException",
    ],
    ["no value at all", [{ MetricName: "m" }], "NS", "MissingRequiredParameterException"],
    ["NaN value", [{ MetricName: "m", Value: NaN }], "NS", "InvalidParameterValueException"],
    ["Counts of another length", [{ MetricName: "m", Values: [1, 2], Counts: [1] }], "NS", "InvalidParameterValueException"],
    [
      "a timestamp 3 hours ahead",
      [{ MetricName: "m", Value: 1, Timestamp: new Date(Date.now() + 3 * 3600_000) }],
      "NS",
      "InvalidParameterValueException",
    ],
    ["StorageResolution 5", [{ MetricName: "m", Value: 1, StorageResolution: 5 }], "NS", "InvalidParameterValueException"],
    ["1001 datums", Array.from({ length: 1001 }, () => ({ MetricName: "m", Value: 1 })), "NS", "InvalidParameterValueException"],
  ];

  it.each(cases)("PutMetricData rejects %s", async (_label, MetricData, Namespace, name) => {
    const error = await cloudWatchClient()
      .send(new PutMetricDataCommand({ Namespace, MetricData }))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toMatchObject({ name, $fault: "client", $metadata: { httpStatusCode: 400 } });
  });

  it("gives InvalidParameterValue its modelled class, and stores nothing from a rejected batch", async () => {
    const ns = freshNamespace();
    const error = await put(ns, [
      { MetricName: "m", Timestamp: at(1), Value: 1 },
      { MetricName: "m", Value: Infinity },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidParameterValueException);
    expect((error as Error).message).toContain("MetricData.member.2.Value");
    expect((await query(ns, "Sum")).values).toEqual([]);
  });

  it.each([
    ["an unsupported statistic", { Stat: "tm99" }, {}],
    ["a period of 45 s", { Period: 45 }, {}],
    ["StartTime after EndTime", {}, { StartTime: at(600), EndTime: at(0) }],
  ])("GetMetricData rejects %s", async (_label, statPatch, windowPatch) => {
    const input = {
      StartTime: at(0),
      EndTime: at(600),
      MetricDataQueries: [{ Id: "q", MetricStat: { Metric: { Namespace: "NS", MetricName: "m" }, Period: 60, Stat: "Sum", ...statPatch } }],
      ...windowPatch,
    };
    await expect(cloudWatchClient().send(new GetMetricDataCommand(input))).rejects.toMatchObject({
      name: "InvalidParameterValueException",
      $metadata: { httpStatusCode: 400 },
    });
  });
});

describe("persistence", () => {
  it("keeps data across a restart", async () => {
    const ns = freshNamespace();
    await put(ns, [{ MetricName: "m", Timestamp: at(30), Values: [3, 1, 2], Unit: "Count" }]);
    await emulator.restart();
    expect((await query(ns, "Sum")).values).toEqual([6]);
    expect((await query(ns, "p50")).values).toEqual([2]);
  });
});
