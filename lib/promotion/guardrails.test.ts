import { describe, expect, it } from "vitest";
import { DEFAULT_PROMOTION_GUARDRAILS, judgeCanary } from "./guardrails";

const healthy = { requests: 1000, errors5xx: 1, p95LatencyMs: 10 };

describe("judgeCanary", () => {
  it.each([
    ["a canary as good as production", { ...healthy }, { ok: true }],
    ["too few requests", { requests: 99, errors5xx: 0, p95LatencyMs: 5 }, { ok: false, code: "canary_too_few_requests" }],
    ["exactly the minimum", { requests: 100, errors5xx: 0, p95LatencyMs: 5 }, { ok: true }],
    // production 0.1%; canary 0.6% is exactly 0.5 points above: allowed; 0.7% is not
    ["5xx at the tolerance", { requests: 1000, errors5xx: 6, p95LatencyMs: 10 }, { ok: true }],
    ["5xx beyond the tolerance", { requests: 1000, errors5xx: 7, p95LatencyMs: 10 }, { ok: false, code: "canary_unhealthy" }],
    // limit = 10 × 1.25 + 5 = 17.5 ms
    ["p95 at the limit", { requests: 1000, errors5xx: 1, p95LatencyMs: 17.5 }, { ok: true }],
    ["p95 beyond the limit", { requests: 1000, errors5xx: 1, p95LatencyMs: 17.6 }, { ok: false, code: "canary_unhealthy" }],
  ])("%s", (_name, canary, expected) => {
    expect(judgeCanary(canary, healthy, DEFAULT_PROMOTION_GUARDRAILS)).toMatchObject(expected);
  });

  it("says why in words, with the figures", () => {
    const verdict = judgeCanary({ requests: 1000, errors5xx: 50, p95LatencyMs: 10 }, healthy);
    expect(verdict).toMatchObject({ ok: false, message: expect.stringContaining("5.00%") as unknown });
  });
});
