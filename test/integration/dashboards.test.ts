import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDashboard } from "@/lib/dashboards/get-dashboard";
import { recordVerdict } from "@/lib/feedback/record-verdict";
import { recordDecision } from "@/lib/metrics/publish-decision-metrics";
import { flushMetrics } from "@/lib/metrics/publish-metrics";
import type { DecisionSample } from "@/lib/metrics/decision-metrics";
import { createTestTenant, type TestTenant } from "./fixtures";
import { analyst, queueItem } from "./queue-helpers";

// A synthetic hour of this file's own tenant, three hours ago (hour-aligned, so the hourly panels'
// buckets are the hour itself), and the series the dashboards build from it, checked against sums
// and percentiles worked out by hand below.
let tenant: TestTenant;
const MINUTE = 60_000;
const base = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3 * 3_600_000;
const at = (minute: number, second = 0) => base + minute * MINUTE + second * 1000;
const range = { from: base, to: at(10), step: 60 };

function decision(overrides: Partial<DecisionSample>): DecisionSample {
  return {
    tenantId: tenant.tenantId,
    decision: "LEGIT",
    degraded: false,
    ruleOnly: false,
    latencyMs: 10,
    at: at(0),
    variant: "production",
    score: 0.02,
    amount: 50,
    currency: "USD",
    ...overrides,
  };
}

beforeAll(async () => {
  tenant = await createTestTenant({ label: "dashboards" });
  // Minute 0: three LEGIT (one degraded) and one REVIEW; latencies 10, 20, 30, 40 ms.
  for (const [i, d] of (["LEGIT", "LEGIT", "LEGIT", "REVIEW"] as const).entries()) {
    recordDecision(
      decision({
        decision: d,
        latencyMs: 10 * (i + 1),
        degraded: i === 0,
        amount: d === "REVIEW" ? 400 : 50,
        score: d === "REVIEW" ? 0.5 : 0.02,
      }),
    );
  }
  // Minute 1: two SUSPICIOUS of 1,000 USD each.
  for (let i = 0; i < 2; i++) recordDecision(decision({ decision: "SUSPICIOUS", at: at(1, 5 + i), amount: 1000, score: 0.97 }));
  // Queue: one item at minute 1, two at minute 2; a verdict (fraud) on the first at minute 5.
  const currency = (txnId: string, amount: number) => ({ transaction: { txn_id: txnId, amount, currency: "USD" }, amount });
  const first = await queueItem(tenant.tenantId, {
    txnId: `${tenant.tenantId}-a`,
    createdAt: new Date(at(1, 5)).toISOString(),
    ...currency(`${tenant.tenantId}-a`, 1000),
  });
  for (const id of ["b", "c"])
    await queueItem(tenant.tenantId, { txnId: `${tenant.tenantId}-${id}`, createdAt: new Date(at(2)).toISOString(), ...currency(id, 10) });
  await recordVerdict(
    { tenantId: tenant.tenantId, txnId: first.txnId, actor: analyst(tenant.tenantId), verdict: "fraud", version: 1 },
    { now: () => new Date(at(5, 5)) },
  );
  await flushMetrics();
});
afterAll(() => tenant.dispose());

const dashboard = (panels: Parameters<typeof getDashboard>[0]["panels"]) =>
  getDashboard({ tenantId: tenant.tenantId, range, panels }, { onMetricCalls: () => undefined });

describe("GET /api/metrics's series", () => {
  it("count transactions per minute by decision, with the decline, step-up and degraded rates", async () => {
    const { traffic } = (await dashboard(["traffic"])).panels;
    expect(traffic?.timestamps).toHaveLength(10);
    expect(traffic?.decisions.LEGIT.slice(0, 3)).toEqual([3, 0, null]);
    expect(traffic?.decisions.REVIEW.slice(0, 2)).toEqual([1, 0]);
    expect(traffic?.decisions.SUSPICIOUS.slice(0, 2)).toEqual([0, 2]);
    expect(traffic?.stepUpRate.slice(0, 2)).toEqual([0.25, 0]);
    expect(traffic?.declineRate.slice(0, 2)).toEqual([0, 1]);
    expect(traffic?.degradedShare.slice(0, 2)).toEqual([0.25, 0]);
    expect(traffic?.totals).toEqual({ scored: 6, byDecision: { LEGIT: 3, REVIEW: 1, SUSPICIOUS: 2 }, degraded: 1 });
  });

  it("give the console's latency percentiles per variant (nearest rank over 10, 20, 30, 40 ms)", async () => {
    const { variants } = (await dashboard(["variants"])).panels;
    const production = variants?.variants.find((v) => v.variant === "production");
    expect(production?.consoleLatency.p50[0]).toBe(20);
    expect(production?.consoleLatency.p99[0]).toBe(40);
    // The minute had no console answers from the canary, and nothing was invoked three hours ago.
    expect(variants?.variants.find((v) => v.variant === "canary")?.consoleLatency.p50[0]).toBeNull();
    expect(production?.totals.invocations).toBe(0);
  });

  it("derive the backlog from today's counts and every later change", async () => {
    const { queue } = (await dashboard(["queue"])).panels;
    expect(queue?.counts.open).toBe(2);
    expect(queue?.counts.confirmed_fraud).toBe(1);
    // End of minute 0: nothing; 1: one; 2–4: three; from the verdict at minute 5: two.
    expect(queue?.backlog.open).toEqual([0, 1, 3, 3, 3, 2, 2, 2, 2, 2]);
    expect(queue?.backlog.escalated.every((n) => n === 0)).toBe(true);
    // Both pending items are SUSPICIOUS and three hours old: past the one-hour SLA.
    expect(queue?.pastSla).toEqual({ count: 2, capped: false });
    expect(queue?.oldestPending?.txnId).toBe(`${tenant.tenantId}-b`);
  });

  it("count verdicts per hour by analyst and verdict, with the median time to verdict", async () => {
    const { analysts } = (await dashboard(["analysts"])).panels;
    expect(analysts?.period).toBe(3600);
    expect(analysts?.byAnalyst).toEqual([{ analyst: analyst(tenant.tenantId).id, verdicts: [1], total: 1 }]);
    expect(analysts?.byVerdict.fraud).toEqual([1]);
    expect(analysts?.byVerdict.legit).toEqual([null]);
    // Queued at 1:05, decided at 5:05.
    expect(analysts?.medianTimeToVerdict).toBe(240);
    expect(analysts?.verdicts).toBe(1);
  });

  it("give precision per model version dated at scoring time, and the score histogram of the range", async () => {
    const { quality } = (await dashboard(["quality"])).panels;
    expect(quality?.precision).toEqual([{ modelVersion: "2", precision: [1], labels: [1], overall: 1, labelled: 1 }]);
    const bands = Object.fromEntries((quality?.scoreHistogram ?? []).filter((b) => b.count > 0).map((b) => [b.from.toFixed(2), b.count]));
    expect(bands).toEqual({ "0.00": 3, "0.50": 1, "0.95": 2 });
  });

  it("sum the business impact per day in the payments' currency", async () => {
    const { impact } = (await dashboard(["impact"])).panels;
    expect(impact?.currencies.map((c) => [c.currency, c.totals])).toEqual([
      ["USD", { fraudDeclined: 1000, heldForReview: 400, falsePositiveFriction: 0 }],
    ]);
  });

  it("count the synthetic requests against the tenant's 30-day error budget, as promotion reads it", async () => {
    const { budget } = (await dashboard(["budget"])).panels;
    // Six answers, one degraded, no errors: 1 bad of the 0.006 the 99.9 % SLO allows them.
    expect(budget).toMatchObject({ requests: 6, bad: 1, frozen: true, rollbackDue: true });
    expect(budget?.allowedBad).toBeCloseTo(0.006, 12);
    expect(budget?.remaining).toBeCloseTo(1 - 1 / 0.006, 9);
    // The 5-minute timeline, clipped to the range: minutes 0, 5 and 10 of the synthetic hour.
    expect(budget?.timeline.map((p) => Date.parse(p.at))).toEqual([at(0), at(5), at(10)]);
    expect(budget?.timeline.map((p) => p.remaining)).toEqual([1, expect.closeTo(1 - 1 / 0.006, 9), expect.closeTo(1 - 1 / 0.006, 9)]);
  });

  it("say truly that the tenant has no drift run yet", async () => {
    expect((await dashboard(["drift"])).panels.drift).toEqual({ latest: null, topFeatures: [], runs: [] });
  });
});
