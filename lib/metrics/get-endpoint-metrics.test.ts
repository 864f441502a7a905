import type { CloudWatchClient, GetMetricDataCommandInput } from "@aws-sdk/client-cloudwatch";
import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import type { Tenant } from "@/lib/tenants/tenant";
import { resolveMetricsRange } from "./endpoint-metrics";
import { getEndpointMetrics } from "./get-endpoint-metrics";

const tenant: Tenant = {
  tenantId: "acme-bank",
  name: "Acme Bank",
  endpointName: "fraud-acme",
  modelPackageGroupName: "acme",
  createdAt: "2026-01-01",
};
const getTenant = ({ tenantId }: { tenantId: string }) => Promise.resolve(tenantId === tenant.tenantId ? tenant : null);

const sageMaker: Pick<SageMakerClient, "send"> = {
  send: (() =>
    Promise.resolve({
      EndpointName: "fraud-acme",
      ProductionVariants: [{ VariantName: "production" }, { VariantName: "canary" }],
      ShadowProductionVariants: [{ VariantName: "shadow" }],
    })) as never,
};

const T0 = Date.parse("2026-12-01T10:00:00Z");
const at = (minute: number) => new Date(T0 + minute * 60_000);

/** Answers each returned query of variant 0 with two periods, the others with nothing; records the request. */
function fakeCloudWatch() {
  const calls: GetMetricDataCommandInput[] = [];
  const values: Record<string, number[]> = {
    inv_0: [10, 20],
    r4_0: [0.1, 0],
    r5_0: [0, 0.05],
    p50_0: [3, 4],
    p95_0: [9, 12],
    sinv_0: [30],
    se4_0: [1],
    se5_0: [1],
    sp50_0: [3.5],
    sp95_0: [11],
  };
  const cloudWatch: Pick<CloudWatchClient, "send"> = {
    send: ((command: { input: GetMetricDataCommandInput }) => {
      calls.push(command.input);
      const results = (command.input.MetricDataQueries ?? [])
        .filter((q) => q.ReturnData !== false)
        .map((q) => {
          const v = values[q.Id ?? ""] ?? [];
          return { Id: q.Id, Timestamps: v.map((_, k) => at(k)), Values: v, StatusCode: "Complete" };
        });
      return Promise.resolve({ MetricDataResults: results });
    }) as never,
  };
  return { cloudWatch, calls };
}

describe("getEndpointMetrics", () => {
  const range = { fromMs: T0 + 15_000, toMs: T0 + 3600_000 - 5_000, period: 60 };

  it("asks CloudWatch once for every variant, rates and milliseconds by metric math, over minute-aligned bounds", async () => {
    const { cloudWatch, calls } = fakeCloudWatch();
    await getEndpointMetrics({ tenantId: "acme-bank", endpointName: "fraud-acme", range }, { sageMaker, cloudWatch, getTenant });
    expect(calls).toHaveLength(1);
    const request = calls[0]!;
    expect(request.StartTime).toEqual(new Date(T0));
    expect(request.EndTime).toEqual(new Date(T0 + 3600_000));
    const queries = request.MetricDataQueries ?? [];
    expect(queries).toHaveLength(3 * 16);
    expect(queries.find((q) => q.Id === "r5_1")?.Expression).toBe("e5_1 / inv_1");
    expect(queries.find((q) => q.Id === "p95_2")?.Expression).toBe("l95_2 / 1000");
    expect(queries.find((q) => q.Id === "l95_2")?.MetricStat).toMatchObject({
      Stat: "p95",
      Period: 60,
      Metric: {
        Namespace: "AWS/SageMaker",
        MetricName: "ModelLatency",
        Dimensions: [
          { Name: "EndpointName", Value: "fraud-acme" },
          { Name: "VariantName", Value: "shadow" },
        ],
      },
    });
    // The window-long figures are one period covering the whole range.
    expect(queries.find((q) => q.Id === "sinv_0")?.MetricStat?.Period).toBe(3600);
  });

  it("merges each variant's series by period and sums the window's figures", async () => {
    const { cloudWatch } = fakeCloudWatch();
    const result = await getEndpointMetrics(
      { tenantId: "acme-bank", endpointName: "fraud-acme", range },
      { sageMaker, cloudWatch, getTenant },
    );
    expect(result.variants.map((v) => [v.variantName, v.isShadow])).toEqual([
      ["production", false],
      ["canary", false],
      ["shadow", true],
    ]);
    const [production, canary] = result.variants;
    expect(production!.series).toEqual([
      { t: at(0).toISOString(), invocations: 10, rate4xx: 0.1, rate5xx: 0, p50Ms: 3, p95Ms: 9 },
      { t: at(1).toISOString(), invocations: 20, rate4xx: 0, rate5xx: 0.05, p50Ms: 4, p95Ms: 12 },
    ]);
    expect(production!.summary).toEqual({
      invocations: 30,
      errors4xx: 1,
      errors5xx: 1,
      rate4xx: 1 / 30,
      rate5xx: 1 / 30,
      p50Ms: 3.5,
      p95Ms: 11,
    });
    // No traffic: no rates rather than a 0% that was never measured.
    expect(canary!.summary).toEqual({ invocations: 0, errors4xx: 0, errors5xx: 0, rate4xx: null, rate5xx: null, p50Ms: null, p95Ms: null });
    expect(canary!.series).toEqual([]);
  });

  it("answers not_found for another tenant's endpoint name", async () => {
    const { cloudWatch, calls } = fakeCloudWatch();
    await expect(
      getEndpointMetrics({ tenantId: "acme-bank", endpointName: "fraud-globex", range }, { sageMaker, cloudWatch, getTenant }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(calls).toHaveLength(0);
  });

  it("turns a CloudWatch failure into unavailable", async () => {
    const cloudWatch = { send: (() => Promise.reject(new Error("ECONNREFUSED"))) as never };
    await expect(
      getEndpointMetrics({ tenantId: "acme-bank", endpointName: "fraud-acme", range }, { sageMaker, cloudWatch, getTenant }),
    ).rejects.toMatchObject({ code: "unavailable" });
  });
});

describe("resolveMetricsRange", () => {
  const now = Date.parse("2026-12-01T12:00:00Z");
  it.each([
    [{}, { fromMs: now - 3600_000, toMs: now, period: 60 }],
    [{ from: "2026-12-01T11:45:00Z" }, { fromMs: now - 15 * 60_000, toMs: now, period: 60 }],
    [{ from: "2026-11-30T12:00:00Z" }, { fromMs: now - 24 * 3600_000, toMs: now, period: 900 }],
    [
      { from: "2026-12-01T11:00:00Z", to: "2026-12-01T11:30:00Z", period: "10" },
      { fromMs: now - 3600_000, toMs: now - 1800_000, period: 10 },
    ],
  ])("%j → %j", (query, expected) => {
    const parsed = { ...query, period: "period" in query ? Number(query.period) : undefined };
    expect(resolveMetricsRange(parsed, now)).toEqual(expected);
  });

  it.each([
    [{ from: "2026-12-01T12:00:00Z", to: "2026-12-01T11:00:00Z" }, "from: must be before to"],
    [{ from: "2026-11-01T00:00:00Z" }, "from: the range may span at most 15 days"],
    [{ from: "2026-11-30T12:00:00Z", period: 10 }, "period: too small for this range (at most 1440 points)"],
  ])("refuses %j with a 400 naming the field", (query, message) => {
    expect(() => resolveMetricsRange(query, now)).toThrow(expect.objectContaining({ code: "bad_request", message }));
  });
});
