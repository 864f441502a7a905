import type { MetricDatum } from "@aws-sdk/client-cloudwatch";
import { describe, expect, it } from "vitest";
import { VariantMetrics } from "./metrics";

// SageMaker developer guide, monitoring-cloudwatch ("Endpoint invocation metrics"): one value per
// request — Invocations 1, Invocation4XX/5XXErrors 1 or 0, InvocationsPerInstance 1/instances.
describe("VariantMetrics", () => {
  it("publishes one value per request, so Sum, Average and SampleCount mean what they do on AWS", () => {
    const metrics = new VariantMetrics("e", "v", 2);
    for (let i = 0; i < 8; i++) metrics.record(200, 1000 + i, 50);
    metrics.record(500, 2000, 50);
    metrics.record(400, 3000, 50);
    const byName: Record<string, MetricDatum> = Object.fromEntries(
      metrics.drain(new Date(0)).map((d): [string, MetricDatum] => [d.MetricName ?? "", d]),
    );
    expect(byName.Invocations).toMatchObject({ Values: [1], Counts: [10] });
    expect(byName.Invocation5XXErrors).toMatchObject({ Values: [0, 1], Counts: [9, 1] });
    expect(byName.Invocation4XXErrors).toMatchObject({ Values: [0, 1], Counts: [9, 1] });
    expect(byName.InvocationsPerInstance).toMatchObject({ Values: [0.5], Counts: [10] });
    expect(byName.ModelLatency!.Counts!.reduce((a, b) => a + b, 0)).toBe(10);
    expect(byName.OverheadLatency).toMatchObject({ Values: [50], Counts: [10], Unit: "Microseconds" });
    expect(metrics.drain(new Date(0))).toEqual([]);
  });

  it("splits many distinct latencies into datums of at most 150 values", () => {
    const metrics = new VariantMetrics("e", "v", 1);
    for (let i = 0; i < 400; i++) metrics.record(200, i, 1);
    const latency = metrics.drain(new Date(0)).filter((d) => d.MetricName === "ModelLatency");
    expect(latency).toHaveLength(3);
    expect(latency.every((d) => d.Values!.length <= 150)).toBe(true);
  });
});
