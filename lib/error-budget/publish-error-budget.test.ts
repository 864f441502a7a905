import { describe, expect, it } from "vitest";
import { DEFAULT_SLO } from "@/lib/settings/tenant-settings";
import { publishErrorBudget } from "./publish-error-budget";

// A CloudWatch fake: GetMetricData answers `requests` and `bad` in one 5-minute step; PutMetricData is recorded.
function cloudWatch(requests: number, bad: number) {
  const put: unknown[] = [];
  const end = Date.UTC(2026, 11, 1, 12, 0);
  return {
    put,
    now: () => new Date(end + 90_000),
    cloudWatch: {
      send: (command: { input: Record<string, unknown> }) => {
        if ("MetricData" in command.input) {
          put.push(command.input);
          return Promise.resolve({});
        }
        const at = [new Date(end - 300_000)];
        return Promise.resolve({
          MetricDataResults: [
            { Id: "requests", Timestamps: at, Values: [requests] },
            { Id: "bad", Timestamps: at, Values: [bad] },
          ],
        });
      },
    },
  };
}

describe("publishErrorBudget", () => {
  it("publishes the share burned in percent, for the error-budget alarm", async () => {
    const fake = cloudWatch(100_000, 90);
    const budget = await publishErrorBudget({ tenantId: "t" }, { ...fake, slo: DEFAULT_SLO, namespace: "FraudConsole" });
    expect(budget.consumed).toBeCloseTo(0.9, 9);
    expect(fake.put).toHaveLength(1);
    const [burned, last7d] = (fake.put[0] as { MetricData: Array<{ MetricName: string; Value: number; Unit: string }> }).MetricData;
    expect(burned).toMatchObject({ MetricName: "ErrorBudgetBurned", Unit: "Percent" });
    expect(burned?.Value).toBeCloseTo(90, 6);
    expect(last7d?.MetricName).toBe("ErrorBudgetBurnedLast7d");
  });

  it("publishes nothing while the 30 days allow less than one bad request", async () => {
    const fake = cloudWatch(999, 5);
    await publishErrorBudget({ tenantId: "t" }, { ...fake, slo: DEFAULT_SLO, namespace: "FraudConsole" });
    expect(fake.put).toEqual([]);
  });
});
