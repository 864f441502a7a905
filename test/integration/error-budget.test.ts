import { PutMetricDataCommand, type MetricDatum } from "@aws-sdk/client-cloudwatch";
import { beforeAll, describe, expect, it } from "vitest";
import { cloudWatchClient } from "@/lib/aws/clients";
import { env } from "@/lib/env";
import { evaluationEnd } from "@/lib/error-budget/budget-math";
import type { ErrorBudget } from "@/lib/error-budget/error-budget";
import { getErrorBudget } from "@/lib/error-budget/get-error-budget";
import { uniqueName } from "./fixtures";

// A tenant id of this file's own (metrics are per TenantId dimension; the budget needs no endpoint):
// a synthetic series put into the CloudWatch emulator as the console publishes it, read back through
// the one GetMetricData call, against figures worked out by hand below. SLO: the default 99.9%.
const tenantId = uniqueName("budget");
const END = evaluationEnd(new Date());
const MIN = 60_000;
let budget: ErrorBudget;

/** One minute's datums as lib/metrics/decision-metrics.ts sends them (0/1 per request). */
function minute(at: number, decisions: number, degraded: number, errors: number, latency?: [number[], number[]]): MetricDatum[] {
  const Dimensions = [{ Name: "TenantId", Value: tenantId }];
  const Timestamp = new Date(at);
  const datums: MetricDatum[] = [
    { MetricName: "Errors", Dimensions, Timestamp, Values: [0, 1], Counts: [decisions, errors], Unit: "Count" },
    { MetricName: "Degraded", Dimensions, Timestamp, Values: [0, 1], Counts: [decisions - degraded, degraded], Unit: "Count" },
  ];
  if (latency) datums.push({ MetricName: "Latency", Dimensions, Timestamp, Values: latency[0], Counts: latency[1], Unit: "Milliseconds" });
  return datums;
}

beforeAll(async () => {
  await cloudWatchClient().send(
    new PutMetricDataCommand({
      Namespace: env().METRICS_NAMESPACE,
      MetricData: [
        // 2 days ago: 100,000 decisions, 40 degraded, and 10 requests answered 5xx → 100,010 requests, 50 bad.
        ...minute(END - 2 * 1440 * MIN + 30_000, 100_000, 40, 10),
        // 29 minutes ago: 1,000 decisions, 20 degraded → 20 bad.
        ...minute(END - 29 * MIN, 1000, 20, 0),
        // 3 minutes ago: 100 decisions, 5 degraded, 5 errors → 105 requests, 10 bad; 95 at 50 ms and 10 at 300 ms.
        ...minute(END - 3 * MIN, 100, 5, 5, [
          [50, 300],
          [95, 10],
        ]),
      ],
    }),
  );
  budget = await getErrorBudget({ tenantId, now: new Date(END) });
});

const window = (id: string) => budget.burnRates.find((b) => b.window === id)!;

describe("error budget from CloudWatch", () => {
  it("spends 80 bad requests of the 101.115 the 30 days allow", () => {
    expect(budget.requests).toBe(101_115);
    expect(budget.bad).toBe(80);
    expect(budget.allowedBad).toBeCloseTo(101.115, 9);
    expect(budget.remaining).toBeCloseTo(1 - 80 / 101.115, 9); // 0.2088
    expect(budget.rollbackDue).toBe(false); // 79.1% < 80%
  });

  it("burns at each window's error rate over 0.1%", () => {
    expect(window("5m")).toMatchObject({ requests: 105, bad: 10, latencyP95Ms: 300 });
    expect(window("5m").burnRate).toBeCloseTo(10 / 105 / 0.001, 6); // 95.24
    for (const id of ["30m", "1h", "6h"]) {
      expect(window(id)).toMatchObject({ requests: 1105, bad: 30 });
      expect(window(id).burnRate).toBeCloseTo(30 / 1105 / 0.001, 6); // 27.15
    }
    expect(window("3d")).toMatchObject({ requests: 101_115, bad: 80 });
    expect(window("3d").burnRate).toBeCloseTo(80 / 101_115 / 0.001, 6); // 0.79
    expect(budget.alerts.map((a) => [a.id, a.firing])).toEqual([
      ["page-1h", true],
      ["page-6h", true],
      ["ticket-3d", false],
    ]);
  });

  it("is frozen since the incident two days ago, until it leaves the 7 days", () => {
    expect(budget.frozen).toBe(true);
    // The first 5-minute step holding the incident ends 2 days − 5 minutes ago: 50 / 100.01 ≥ 30%.
    expect(budget.frozenSince).toBe(new Date(END - 2 * 1440 * MIN + 5 * MIN).toISOString());
    // Without the incident 30 bad remain, below 0.3 × 101.115; it ages out 5 days and 5 minutes from now.
    expect(budget.frozenUntil).toBe(new Date(END + 5 * 1440 * MIN + 5 * MIN).toISOString());
  });

  it("is not frozen for a tenant without traffic", async () => {
    const quiet = await getErrorBudget({ tenantId: uniqueName("quiet"), now: new Date(END) });
    expect(quiet).toMatchObject({ requests: 0, remaining: 1, frozen: false, frozenSince: null, frozenUntil: null });
  });
});
