import { GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloudWatchClient } from "@/lib/aws/clients";
import { env } from "@/lib/env";
import { flushMetrics } from "@/lib/metrics/publish-metrics";
import { createTestTenant, type TestTenant } from "./fixtures";
import { txnId } from "./score-helpers";

// Metrics are per tenant: this file's own, so every count below is its own requests'.
let tenant: TestTenant;
let tenantId = "";

beforeAll(async () => {
  tenant = await createTestTenant({ label: "metrics" });
  tenantId = tenant.tenantId;
});
afterAll(() => tenant.dispose());

async function sumOf(metricName: string, extra: { Name: string; Value: string }[] = [], stat = "Sum"): Promise<number[]> {
  const end = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 60_000);
  const { MetricDataResults } = await cloudWatchClient().send(
    new GetMetricDataCommand({
      StartTime: new Date(end.getTime() - 60 * 60_000),
      EndTime: end,
      MetricDataQueries: [
        {
          Id: "m",
          MetricStat: {
            Metric: {
              Namespace: env().METRICS_NAMESPACE,
              MetricName: metricName,
              Dimensions: [{ Name: "TenantId", Value: tenantId }, ...extra],
            },
            Period: 3600,
            Stat: stat,
          },
        },
      ],
    }),
  );
  return MetricDataResults?.[0]?.Values ?? [];
}

describe("the console's own decision metrics", () => {
  it("are aggregated per tenant and minute and read back from CloudWatch", async () => {
    const transactions = [
      { txn_id: txnId("m-legit"), amount: 12, device: "pos" },
      { txn_id: txnId("m-legit"), amount: 30, device: "pos" },
      { txn_id: txnId("m-rule"), amount: 30_000, device: "pos" }, // the default rule: SUSPICIOUS without the model
    ];
    for (const t of transactions) expect((await tenant.score(t)).status).toBe(200);
    await flushMetrics();

    const [legit, suspicious, ruleOnly, degraded, latencyCount] = await Promise.all([
      sumOf("Decisions", [{ Name: "Decision", Value: "LEGIT" }]),
      sumOf("Decisions", [{ Name: "Decision", Value: "SUSPICIOUS" }]),
      sumOf("RuleOnly"),
      sumOf("Degraded"),
      sumOf("Latency", [], "SampleCount"),
    ]);
    // Data points of one hour-long period; the three requests may straddle a minute, not the hour.
    expect(legit.reduce((a, b) => a + b, 0)).toBe(2);
    expect(suspicious.reduce((a, b) => a + b, 0)).toBe(1);
    expect(ruleOnly.reduce((a, b) => a + b, 0)).toBe(1);
    expect(degraded.reduce((a, b) => a + b, 0)).toBe(0);
    expect(latencyCount.reduce((a, b) => a + b, 0)).toBe(3);
    const [p95] = await sumOf("Latency", [], "p95");
    expect(p95).toBeGreaterThan(0);
  });
});
