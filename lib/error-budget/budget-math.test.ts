import { describe, expect, it } from "vitest";
import { DEFAULT_SLO } from "@/lib/settings/tenant-settings";
import { computeErrorBudget, evaluationEnd } from "./budget-math";

// 60 days of 5-minute steps, the evaluation at a step boundary.
const STEPS = 17_280;
const END = Date.UTC(2026, 10, 30, 12, 0);
const DAY_STEPS = 288;

function series(fill: (i: number) => { requests: number; bad: number }) {
  const requests: number[] = [];
  const bad: number[] = [];
  for (let i = 0; i < STEPS; i++) {
    const s = fill(i);
    requests.push(s.requests);
    bad.push(s.bad);
  }
  return { requests, bad, latencyP95Ms: { "5m": 42, "30d": 180 } };
}

const rate = (window: string, budget: ReturnType<typeof computeErrorBudget>) => budget.burnRates.find((b) => b.window === window);

describe("computeErrorBudget", () => {
  // 1,000 requests every 5 minutes; a 2,500-error incident 5 days ago; the last hour 15 errors per
  // step and 40 more in the last 5 minutes. SLO 99.9%: the 30 days allow 0.001 × 8,640,000 = 8,640.
  const spike = STEPS - 5 * DAY_STEPS - 1;
  const budget = computeErrorBudget({
    tenantId: "t",
    slo: DEFAULT_SLO,
    endMs: END,
    series: series((i) => ({ requests: 1000, bad: (i === spike ? 2500 : 0) + (i >= STEPS - 12 ? 15 : 0) + (i === STEPS - 1 ? 40 : 0) })),
  });

  it("spends the 30-day budget: 2,720 bad of 8,640 allowed", () => {
    expect(budget.requests).toBe(8_640_000);
    expect(budget.bad).toBe(2720);
    expect(budget.allowedBad).toBeCloseTo(8640, 6);
    expect(budget.consumed).toBeCloseTo(2720 / 8640, 12); // 0.314815
    expect(budget.remaining).toBeCloseTo(1 - 2720 / 8640, 12);
    expect(budget.window).toEqual({ from: "2026-10-31T12:00:00.000Z", to: "2026-11-30T12:00:00.000Z", days: 30 });
  });

  it("burns at error rate / 0.001 over each window", () => {
    expect(rate("5m", budget)).toMatchObject({ requests: 1000, bad: 55, latencyP95Ms: 42 });
    expect(rate("5m", budget)?.burnRate).toBeCloseTo(55, 9);
    expect(rate("30m", budget)?.burnRate).toBeCloseTo(130 / 6000 / 0.001, 9); // 21.667
    expect(rate("1h", budget)?.burnRate).toBeCloseTo(220 / 12_000 / 0.001, 9); // 18.333
    expect(rate("6h", budget)?.burnRate).toBeCloseTo(220 / 72_000 / 0.001, 9); // 3.056
    expect(rate("3d", budget)?.burnRate).toBeCloseTo(220 / 864_000 / 0.001, 9); // 0.255
  });

  it("fires only the alerts whose long and short windows both exceed their rate", () => {
    expect(budget.alerts.map((a) => [a.id, a.firing])).toEqual([
      ["page-1h", true], // 18.3 and 55 > 14.4
      ["page-6h", false], // 21.7 > 6 but 3.06 is not
      ["ticket-3d", false],
    ]);
  });

  it("freezes at 30% burned within 7 days, since the step that crossed it, until the incident ages out", () => {
    expect(budget.burnedLast7d).toBeCloseTo(2720 / 8640, 12);
    expect(budget.frozen).toBe(true);
    // 0.3 × 8,640 = 2,592: 2,500 + 7 steps of 15 (2,605) crossed it 25 minutes ago; 6 steps (2,590) had not.
    expect(budget.frozenSince).toBe("2026-11-30T11:35:00.000Z");
    // The incident leaves the 7 days 2 days from now; the 220 of the last hour alone are below 2,592.
    expect(budget.frozenUntil).toBe("2026-12-02T12:00:00.000Z");
    expect(budget.rollbackDue).toBe(false);
  });

  it("charts 30 days hourly, ending at the evaluation", () => {
    expect(budget.timeline).toHaveLength(720);
    expect(budget.timeline.at(-1)?.at).toBe("2026-11-30T12:00:00.000Z");
    expect(budget.timeline.at(-1)?.remaining).toBeCloseTo(1 - 2720 / 8640, 12);
    expect(budget.timeline.at(-1)?.burnRate1h).toBeCloseTo(18.333333, 5);
    const beforeIncident = budget.timeline.find((p) => p.at === "2026-11-25T11:00:00.000Z");
    expect(beforeIncident).toMatchObject({ remaining: 1, burnedLast7d: 0, burnRate1h: 0 });
    expect(budget.latency).toEqual({ p95Ms: 180, objectiveMs: 200, met: true });
  });

  it("rolls back at 80% burned and tickets a slow burn over 3 days and 6 hours", () => {
    // 1.2 errors per 1,000 for the last 3 days: burn 1.2 over 3d and 6h; 864 × 1.2 = 1,036.8 bad ... plus
    // an old 6,000-error incident 20 days ago: (6,000 + 1,036.8) / 8,640 = 0.8144.
    const old = STEPS - 20 * DAY_STEPS;
    const b = computeErrorBudget({
      tenantId: "t",
      slo: DEFAULT_SLO,
      endMs: END,
      series: series((i) => ({ requests: 1000, bad: (i === old ? 6000 : 0) + (i >= STEPS - 3 * DAY_STEPS ? 1.2 : 0) })),
    });
    expect(b.consumed).toBeCloseTo((6000 + 864 * 1.2) / 8640, 9);
    expect(b.rollbackDue).toBe(true);
    expect(b.alerts.find((a) => a.id === "ticket-3d")?.firing).toBe(true);
    expect(b.burnedLast7d).toBeCloseTo((864 * 1.2) / 8640, 9); // 0.12: not frozen
    expect(b.frozen).toBe(false);
    expect(b.frozenSince).toBeNull();
  });

  it("spends nothing without traffic", () => {
    const b = computeErrorBudget({ tenantId: "t", slo: DEFAULT_SLO, endMs: END, series: { requests: [], bad: [], latencyP95Ms: {} } });
    expect(b).toMatchObject({ requests: 0, remaining: 1, consumed: 0, frozen: false, rollbackDue: false });
    expect(b.burnRates.every((r) => r.burnRate === null && r.errorRate === null)).toBe(true);
    expect(b.alerts.some((a) => a.firing)).toBe(false);
    expect(b.latency.met).toBeNull();
  });

  it("evaluates at the last full 5 minutes", () => {
    expect(new Date(evaluationEnd(new Date("2026-11-30T12:04:59.999Z"))).toISOString()).toBe("2026-11-30T12:00:00.000Z");
  });
});
