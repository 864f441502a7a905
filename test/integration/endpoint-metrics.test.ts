import { InvokeEndpointCommand } from "@aws-sdk/client-sagemaker-runtime";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sageMakerRuntimeClient } from "@/lib/aws/clients";
import { LEGIT_DEMO } from "@/lib/features/demo-transactions";
import { toCsvRow } from "@/lib/features/schema";
import { parseTransaction } from "@/lib/features/transaction";
import { resolveMetricsRange } from "@/lib/metrics/endpoint-metrics";
import { getEndpointMetrics } from "@/lib/metrics/get-endpoint-metrics";
import { createTestTenant, type TestTenant } from "./fixtures";

// Its own endpoint, so every invocation counted below is this file's.
let tenant: TestTenant;

beforeAll(async () => {
  tenant = await createTestTenant({ label: "ep-metrics", endpoint: { weights: { production: 1, canary: 1 } } });
});
afterAll(() => tenant.dispose());

async function invoke(variant: string): Promise<void> {
  const parsed = parseTransaction(LEGIT_DEMO);
  if (!parsed.success) throw new Error("demo transaction does not parse");
  await sageMakerRuntimeClient()
    .send(
      new InvokeEndpointCommand({
        EndpointName: tenant.endpointName,
        TargetVariant: variant,
        ContentType: "text/csv",
        Body: new TextEncoder().encode(toCsvRow(parsed.data)),
      }),
    )
    .catch((error: unknown) => {
      // The injected fault's ModelError is the point of the calls that get it.
      if (!(error instanceof Error) || error.name !== "ModelError") throw error;
    });
}

async function flushMetrics(): Promise<void> {
  const response = await fetch(`${inject("stackUrls").sagemaker}/_emulator/flush`, { method: "POST" });
  expect(response.ok).toBe(true);
}

describe("an endpoint's per-variant metrics from CloudWatch (GET /api/endpoints/{name}/metrics)", () => {
  it("counts each variant's invocations and 5xx share, and reads ModelLatency in milliseconds", async () => {
    for (let i = 0; i < 6; i++) await invoke("production");
    await tenant.setFault({ variantName: "canary", mode: "error" });
    for (let i = 0; i < 4; i++) await invoke("canary");
    await tenant.clearFaults();
    for (let i = 0; i < 4; i++) await invoke("canary");
    await flushMetrics();

    const now = Date.now();
    const range = resolveMetricsRange({ from: new Date(now - 3600_000).toISOString(), to: new Date(now + 60_000).toISOString() }, now);
    const metrics = await getEndpointMetrics({ tenantId: tenant.tenantId, endpointName: tenant.endpointName, range });
    const byName = new Map(metrics.variants.map((v) => [v.variantName, v]));
    expect([...byName.keys()]).toEqual(["production", "canary"]);

    const production = byName.get("production")!;
    expect(production.summary).toMatchObject({ invocations: 6, errors5xx: 0, rate5xx: 0, errors4xx: 0 });
    const canary = byName.get("canary")!;
    expect(canary.summary).toMatchObject({ invocations: 8, errors5xx: 4, rate5xx: 0.5 });
    // Per period, the same totals (the calls may straddle a minute boundary).
    expect(canary.series.reduce((n, p) => n + (p.invocations ?? 0), 0)).toBe(8);
    // The emulator's model answers in well under a second; microseconds would read as thousands.
    expect(production.summary.p50Ms).toBeGreaterThan(0);
    expect(production.summary.p95Ms).toBeLessThan(1000);
    expect(production.summary.p95Ms!).toBeGreaterThanOrEqual(production.summary.p50Ms!);
  });

  it("answers not_found for a name that is not the tenant's endpoint", async () => {
    const range = resolveMetricsRange({}, Date.now());
    await expect(getEndpointMetrics({ tenantId: tenant.tenantId, endpointName: "fraud-acme-bank", range })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
