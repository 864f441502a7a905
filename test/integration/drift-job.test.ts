import { PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTransactionGenerator } from "@/infra/model/simulator/generator";
import { s3Client } from "@/lib/aws/clients";
import { captureSource } from "@/lib/capture/capture-source";
import { captureObjectKey, encodeCaptureLine } from "@/lib/capture/encode-capture";
import { readCapture } from "@/lib/capture/read-capture";
import { driftResult } from "@/lib/drift/drift-result";
import { loadBaseline } from "@/lib/drift/load-baseline";
import { addRow, binningPlan, emptyPartial } from "@/lib/drift/partial";
import { runDriftJob } from "@/lib/drift/run-drift-job";
import { toFeatureVector } from "@/lib/features/schema";
import { hour as driftHour, merge as driftMerge, mergedResult, plan as driftPlan } from "@/infra/aws/functions/drift-fan-out";
import { getDriftRun } from "@/lib/drift/drift-store";
import { createTestTenant, type TestTenant } from "./fixtures";

// Capture objects written in SageMaker's layout for a window in the past (the endpoint serves v2 on
// production and v3 on canary), so the job's window holds exactly what the test wrote.
let tenant: TestTenant;
const HOUR = 3_600_000;
const from = new Date("2026-06-01T10:00:00Z");
const to = new Date("2026-06-01T13:00:00Z");
const written = { inside: 0, canary: 0 };

async function putObject(variant: string, time: Date, lines: string[]) {
  const { destination } = await captureSource({ tenantId: tenant.tenantId, endpointName: tenant.endpointName });
  await s3Client().send(
    new PutObjectCommand({
      Bucket: destination.bucket,
      Key: captureObjectKey(destination, tenant.endpointName, variant, time),
      Body: `${lines.join("\n")}\n`,
    }),
  );
}

beforeAll(async () => {
  tenant = await createTestTenant({
    label: "drift-job",
    endpoint: { productionVersion: 2, canaryVersion: 3, weights: { production: 9, canary: 1 } },
  });
  const generator = createTransactionGenerator({ tenant: "acme-bank", seed: 4242 });
  // Hours 09 (before), 10, 11, 12 (inside) and 13 (after); a few objects per hour, batches of 1–20 rows.
  let n = 0;
  for (let hour = 9; hour <= 13; hour++) {
    for (let object = 0; object < 3; object++) {
      const variant = object === 2 ? "canary" : "production";
      const lines: string[] = [];
      for (let call = 0; call < 40; call++) {
        const time = new Date(Date.UTC(2026, 5, 1, hour, object * 15 + (call % 15), call));
        const rows = Array.from({ length: 1 + (n++ % 20) }, () => toFeatureVector(generator.next(time).transaction));
        lines.push(encodeCaptureLine({ rows, scores: rows.map((_, i) => ((n + i) % 97) / 100), time }));
        if (hour >= 10 && hour < 13) {
          written.inside += rows.length;
          if (variant === "canary") written.canary += rows.length;
        }
      }
      if (hour === 11 && object === 0) lines.splice(5, 0, "{not json", '{"captureData":{}}');
      await putObject(variant, new Date(Date.UTC(2026, 5, 1, hour, 59, object)), lines);
    }
  }
}, 120_000);

afterAll(async () => {
  await tenant?.dispose();
});

describe("runDriftJob on the local stack", () => {
  it("reads exactly the window's records of every variant, each against its serving version's baseline", async () => {
    const result = await runDriftJob({ tenantId: tenant.tenantId, endpointName: tenant.endpointName, from, to });
    expect(result).toMatchObject({
      endpoint: tenant.endpointName,
      from: from.toISOString(),
      to: to.toISOString(),
      baselineVersion: "2",
      objects: 9,
    });
    expect(result.records).toBe(written.inside);
    expect(result.invalid).toBe(2);
    expect(result.unattributed).toBe(0);
    expect(result.versions).toEqual([
      { version: "2", records: written.inside - written.canary, variants: ["production"] },
      { version: "3", records: written.canary, variants: ["canary"] },
    ]);
    expect(Object.keys(result.score).sort()).toEqual(["canary", "production"]);
    expect(result.score.canary).toMatchObject({ baselineVersion: "3", records: written.canary });
    expect(result.features).toHaveLength(14);
    for (const f of result.features)
      expect(f).toMatchObject({ records: written.inside - written.canary, baselineVersion: "2", from: from.toISOString() });
  });

  it("merging the partials of the capture objects equals one pass over all their records", async () => {
    const merged = await runDriftJob({ tenantId: tenant.tenantId, endpointName: tenant.endpointName, from, to }, { concurrency: 3 });
    const group = tenant.modelPackageGroupName;
    const plans = new Map([
      ["2", binningPlan("2", await loadBaseline({ modelPackageGroupName: group, version: "2" }))],
      ["3", binningPlan("3", await loadBaseline({ modelPackageGroupName: group, version: "3" }))],
    ]);
    const onePass = emptyPartial();
    let invalid = 0;
    const records = readCapture(
      { tenantId: tenant.tenantId, endpointName: tenant.endpointName, from, to },
      { onInvalid: () => void invalid++ },
    );
    for await (const record of records) {
      const plan = plans.get(record.variant === "canary" ? "3" : "2")!;
      record.rows.forEach((row, i) => addRow(onePass, plan, record.variant, row, record.scores[i]));
    }
    onePass.invalid = invalid;
    const single = driftResult({ endpointName: tenant.endpointName, from, to, objects: merged.objects }, onePass, plans);
    // Counts are exact; sums of floats may differ in their last bits with the order of addition.
    const rounded = (value: unknown) =>
      JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === "number" ? Number(v.toPrecision(10)) : v))) as unknown;
    expect(rounded(merged)).toEqual(rounded(single));
  });

  it("answers not_found for an endpoint that is not the tenant's and bad_request for an empty window", async () => {
    await expect(runDriftJob({ tenantId: tenant.tenantId, endpointName: "fraud-acme-bank", from, to })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(runDriftJob({ tenantId: tenant.tenantId, endpointName: tenant.endpointName, from: to, to: from })).rejects.toMatchObject({
      code: "bad_request",
    });
  });

  it("finds nothing in a window without capture", async () => {
    const result = await runDriftJob({
      tenantId: tenant.tenantId,
      endpointName: tenant.endpointName,
      from: new Date(from.getTime() - 30 * 24 * HOUR),
      to: new Date(from.getTime() - 29 * 24 * HOUR),
    });
    expect(result).toMatchObject({ records: 0, objects: 0, baselineVersion: null, features: [], score: {} });
  });
});

// The AWS state machine's steps (infra/aws/functions/drift-fan-out.ts) over the same capture: the
// trailing day before 13:00 holds hours 09–12 of what beforeAll wrote.
describe("the drift fan-out of the CDK app, on the local stack", () => {
  const rounded = (value: unknown) =>
    JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === "number" ? Number(v.toPrecision(10)) : v))) as unknown;

  it("plans the trailing day whole when small and per hour when large; the hours' partials merged equal one job over the day", async () => {
    const event = { tenantId: tenant.tenantId, endpointName: tenant.endpointName, time: "2026-06-01T13:20:00Z" };
    const small = await driftPlan({ ...event, fanOutAboveBytes: 1 << 30 });
    expect(small).toMatchObject({ mode: "whole", from: "2026-05-31T13:00:00.000Z", to: "2026-06-01T13:00:00.000Z", objects: 12 });
    const plan = await driftPlan({ ...event, fanOutAboveBytes: 1 });
    expect(plan.mode).toBe("fan-out");
    expect(plan.hours).toHaveLength(24);

    // The hours that hold capture (09–12) and one that holds none; the other 19 are empty like it.
    const hours = plan.hours.filter((h) => h.from >= "2026-06-01T08:00:00.000Z");
    expect(hours).toHaveLength(5);
    const partials = await Promise.all(hours.map((h) => driftHour({ plan, hour: h })));
    expect(partials.map((p) => p.objects)).toEqual([0, 3, 3, 3, 3]);
    const merged = await mergedResult(
      plan,
      partials.map((p) => p.key),
    );
    const whole = await runDriftJob({
      tenantId: tenant.tenantId,
      endpointName: tenant.endpointName,
      from: new Date(plan.from),
      to: new Date(plan.to),
    });
    expect(merged.records).toBeGreaterThan(written.inside);
    expect(rounded(merged)).toEqual(rounded(whole));

    const recorded = await driftMerge({ plan, partials });
    expect(recorded).toMatchObject({ runId: plan.runId, records: merged.records });
    expect(await getDriftRun({ tenantId: tenant.tenantId, runId: plan.runId })).toMatchObject({ id: plan.runId, records: merged.records });
  });
});
