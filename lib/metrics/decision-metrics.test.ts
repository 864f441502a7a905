import { describe, expect, it } from "vitest";
import { createDecisionMetrics, roundLatency } from "./decision-metrics";

const sample = {
  tenantId: "t1",
  decision: "LEGIT" as const,
  degraded: false,
  ruleOnly: false,
  latencyMs: 2.34,
  at: Date.UTC(2026, 0, 1, 12, 0, 30),
};

describe("decision metrics", () => {
  it("keeps latencies to two significant digits", () => {
    expect([roundLatency(2.34), roundLatency(23.4), roundLatency(234), roundLatency(0)]).toEqual([2.3, 23, 230, 0]);
  });

  it("aggregates per tenant and minute and drains once", () => {
    const metrics = createDecisionMetrics();
    metrics.record(sample);
    metrics.record({ ...sample, decision: "SUSPICIOUS", ruleOnly: true, latencyMs: 2.31 });
    metrics.record({ ...sample, decision: "REVIEW", degraded: true, at: sample.at + 60_000 });
    metrics.record({ ...sample, tenantId: "t2" });
    const datums = metrics.drain();
    const first = datums.filter((d) => d.Dimensions?.[0]?.Value === "t1" && d.Timestamp?.getTime() === Date.UTC(2026, 0, 1, 12, 0));
    const datum = (name: string, decision?: string) =>
      first.find((d) => d.MetricName === name && (decision === undefined || d.Dimensions?.[1]?.Value === decision));
    // Per decision a 1 or a 0 (two decisions this minute): Sum = count, Average = share, SampleCount = 2.
    expect(datum("Decisions", "LEGIT")).toMatchObject({ Values: [0, 1], Counts: [1, 1] });
    expect(datum("Decisions", "SUSPICIOUS")).toMatchObject({ Values: [0, 1], Counts: [1, 1] });
    expect(datum("Decisions", "REVIEW")).toMatchObject({ Values: [0], Counts: [2] });
    expect(datum("RuleOnly")).toMatchObject({ Values: [0, 1], Counts: [1, 1] });
    expect(datum("Degraded")).toMatchObject({ Values: [0], Counts: [2] });
    expect(datum("Errors")).toMatchObject({ Values: [0], Counts: [2], Unit: "Count" });
    expect(first.find((d) => d.MetricName === "Latency")).toMatchObject({ Values: [2.3], Counts: [2], Unit: "Milliseconds" });
    expect(new Set(datums.map((d) => `${d.Dimensions?.[0]?.Value}@${d.Timestamp?.getTime()}`)).size).toBe(3);
    expect(metrics.drain()).toEqual([]);
  });

  it("publishes no latency for a transaction whose latency was not measured, and still counts it", () => {
    const metrics = createDecisionMetrics();
    metrics.record({ ...sample, variant: "production", latencyMs: null });
    const names = metrics.drain().map((d) => d.MetricName);
    expect(names).toContain("Errors");
    expect(names).toContain("Decisions");
    expect(names).not.toContain("Latency");
    expect(names).not.toContain("VariantLatency");
  });

  it("splits a minute's latencies into datums of at most 150 values", () => {
    const metrics = createDecisionMetrics();
    for (let i = 1; i <= 400; i++) metrics.record({ ...sample, latencyMs: i });
    const latency = metrics.drain().filter((d) => d.MetricName === "Latency");
    expect(latency.every((d) => (d.Values?.length ?? 0) <= 150)).toBe(true);
    expect(latency.flatMap((d) => d.Counts ?? []).reduce((a, b) => a + b, 0)).toBe(400);
  });

  it("counts 5xx answers in Errors beside the decisions, so SampleCount is every request", () => {
    const metrics = createDecisionMetrics();
    metrics.record(sample);
    metrics.recordError({ tenantId: "t1", at: sample.at });
    metrics.recordError({ tenantId: "t1", at: sample.at + 60_000 });
    const datums = metrics.drain();
    const errors = datums
      .filter((d) => d.MetricName === "Errors")
      .map((d) => ({ at: d.Timestamp?.getTime(), values: d.Values, counts: d.Counts }));
    expect(errors).toEqual([
      { at: Date.UTC(2026, 0, 1, 12, 0), values: [0, 1], counts: [1, 1] },
      { at: Date.UTC(2026, 0, 1, 12, 1), values: [1], counts: [1] },
    ]);
    // The errors-only minute has no decision datums (they would hold no value).
    expect(datums.filter((d) => d.Timestamp?.getTime() === Date.UTC(2026, 0, 1, 12, 1)).map((d) => d.MetricName)).toEqual(["Errors"]);
  });
});

describe("VariantLatency at high resolution", () => {
  const now = Date.UTC(2026, 11, 1, 12, 0, 30);
  const recent = { ...sample, at: now - 1000, variant: "canary" };

  it("goes out per 10 seconds with StorageResolution 1, so a 10 s alarm sees each period", () => {
    const metrics = createDecisionMetrics({ now: () => now });
    metrics.record({ ...recent, latencyMs: 12, at: Date.UTC(2026, 11, 1, 12, 0, 21) });
    metrics.record({ ...recent, latencyMs: 340, at: Date.UTC(2026, 11, 1, 12, 0, 29, 999) });
    metrics.record({ ...recent, latencyMs: 15, at: Date.UTC(2026, 11, 1, 12, 0, 30) });
    const datums = metrics.drain();
    const variant = datums
      .filter((d) => d.MetricName === "VariantLatency")
      .map((d) => ({ at: d.Timestamp?.getTime(), values: d.Values, resolution: d.StorageResolution }));
    expect(variant).toEqual([
      { at: Date.UTC(2026, 11, 1, 12, 0, 20), values: [12, 340], resolution: 1 },
      { at: Date.UTC(2026, 11, 1, 12, 0, 30), values: [15], resolution: 1 },
    ]);
    // The tenant's Latency stays a minute datum at standard resolution.
    expect(datums.filter((d) => d.MetricName === "Latency").map((d) => [d.Timestamp?.getTime(), d.StorageResolution])).toEqual([
      [Date.UTC(2026, 11, 1, 12, 0), undefined],
    ]);
  });

  it("folds samples older than CloudWatch keeps 1-second data (3 h) into their minute", () => {
    const metrics = createDecisionMetrics({ now: () => now });
    metrics.record({ ...recent, at: now - 4 * 3600_000 + 25_000 });
    const [datum] = metrics.drain().filter((d) => d.MetricName === "VariantLatency");
    expect(datum).toMatchObject({ Timestamp: new Date(Date.UTC(2026, 11, 1, 8, 0)), Values: [2.3] });
    expect(datum?.StorageResolution).toBeUndefined();
  });
});
