import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { z } from "zod";
import { s3Client } from "@/lib/aws/clients";
import { captureSource } from "@/lib/capture/capture-source";
import { listCaptureObjects } from "@/lib/capture/list-capture-objects";
import { env } from "@/lib/env";
import { driftDeps } from "@/lib/drift/drift-deps";
import { SCHEDULED_WINDOW_HOURS } from "@/lib/drift/drift-request";
import { fromDriftResult } from "@/lib/drift/from-drift-result";
import { emptyPartial, mergePartials, type DriftPartial } from "@/lib/drift/partial";
import { runAndRecordDrift, scheduledRunId } from "@/lib/drift/run-and-record-drift";
import { windowPartial, windowResult, type WindowPartial } from "@/lib/drift/run-drift-job";

/**
 * The drift state machine's steps on AWS (constructs/drift-fan-out.ts), each a Lambda handler over
 * lib/drift: EventBridge starts one execution per tenant endpoint every hour; `plan` sizes the
 * trailing day's capture; a window small enough runs whole (`whole`: runAndRecordDrift, the same
 * function the local scheduler, drift-handler.ts and the "Run now" button call); a larger one fans
 * out per hour (`hour`: the hour's partial, written to S3 since a day of partials exceeds Step
 * Functions' 256 KB state) and `merge` adds the partials' counts (mergePartials) and records the run
 * through runAndRecordDrift with that result. Runs are named by their hour, so a retried or
 * duplicated execution records each run once.
 */

const HOUR_MS = 3_600_000;
/** Where the hour partials wait for their merge, in the capture bucket (expired after a week by the data stack). */
export const PARTIALS_PREFIX = "drift-partials";

const iso = z.iso.datetime({ offset: true });
const planInput = z.object({
  tenantId: z.string().min(1),
  endpointName: z.string().min(1),
  /** EventBridge's scheduled time (the execution input carries `$.time`); the run is the trailing day before its hour. */
  time: iso,
  /** Capture bytes above which the window fans out per hour. */
  fanOutAboveBytes: z.number().int().positive(),
});
const windowSchema = z.object({ from: iso, to: iso });
const planSchema = z.object({
  tenantId: z.string().min(1),
  endpointName: z.string().min(1),
  from: iso,
  to: iso,
  runId: z.string().min(1),
  mode: z.enum(["whole", "fan-out"]),
  objects: z.number().int().min(0),
  bytes: z.number().int().min(0),
  hours: z.array(windowSchema),
});
export type DriftFanOutPlan = z.infer<typeof planSchema>;

export async function plan(event: unknown): Promise<DriftFanOutPlan> {
  const input = planInput.parse(event);
  const to = new Date(Math.floor(new Date(input.time).getTime() / HOUR_MS) * HOUR_MS);
  const from = new Date(to.getTime() - SCHEDULED_WINDOW_HOURS * HOUR_MS);
  const source = await captureSource(input);
  const objects = await listCaptureObjects({ destination: source.destination, endpointName: input.endpointName, from, to });
  const bytes = objects.reduce((sum, o) => sum + o.size, 0);
  const hours = Array.from({ length: SCHEDULED_WINDOW_HOURS }, (_, i) => ({
    from: new Date(from.getTime() + i * HOUR_MS).toISOString(),
    to: new Date(from.getTime() + (i + 1) * HOUR_MS).toISOString(),
  }));
  return {
    tenantId: input.tenantId,
    endpointName: input.endpointName,
    from: from.toISOString(),
    to: to.toISOString(),
    runId: scheduledRunId(to, "schedule"),
    mode: bytes > input.fanOutAboveBytes ? "fan-out" : "whole",
    objects: objects.length,
    bytes,
    hours,
  };
}

const runInput = (p: DriftFanOutPlan) => ({
  tenantId: p.tenantId,
  endpointName: p.endpointName,
  from: new Date(p.from),
  to: new Date(p.to),
  trigger: "schedule" as const,
  actor: "drift-scheduler",
  runId: p.runId,
});

const summary = (run: { id: string; records: number; recommendation: unknown }) => ({
  runId: run.id,
  records: run.records,
  recommendation: run.recommendation !== null,
});

export async function whole(event: unknown) {
  return summary(await runAndRecordDrift(runInput(planSchema.parse(event)), driftDeps()));
}

const partialKey = (p: DriftFanOutPlan, hourFrom: string) => `${PARTIALS_PREFIX}/${p.tenantId}/${p.runId}/${hourFrom}.json`;

/** One hour of the window: its partial, stored for the merge; returns where. */
export async function hour(event: unknown): Promise<{ key: string; objects: number; records: number }> {
  const { plan: p, hour: h } = z.object({ plan: planSchema, hour: windowSchema }).parse(event);
  const window = await windowPartial({ tenantId: p.tenantId, endpointName: p.endpointName, from: new Date(h.from), to: new Date(h.to) });
  const key = partialKey(p, h.from);
  await s3Client().send(
    new PutObjectCommand({ Bucket: env().CAPTURE_BUCKET, Key: key, Body: JSON.stringify(window), ContentType: "application/json" }),
  );
  return { key, objects: window.objects, records: window.partial.records };
}

async function readPartial(key: string): Promise<WindowPartial> {
  const out = await s3Client().send(new GetObjectCommand({ Bucket: env().CAPTURE_BUCKET, Key: key }));
  const parsed = JSON.parse(await out.Body!.transformToString()) as WindowPartial;
  if ((parsed.partial as DriftPartial | undefined)?.format !== emptyPartial().format) throw new Error(`${key} is not a drift partial`);
  return parsed;
}

/** The partials of the window's hours, merged by adding counts: the window's figures, exactly as one job over it. */
export async function mergedResult(p: DriftFanOutPlan, keys: readonly string[]) {
  let total: WindowPartial = { partial: emptyPartial(), objects: 0 };
  for (const key of keys) {
    const part = await readPartial(key);
    total = { partial: mergePartials(total.partial, part.partial), objects: total.objects + part.objects };
  }
  return windowResult({ tenantId: p.tenantId, endpointName: p.endpointName, from: new Date(p.from), to: new Date(p.to) }, total);
}

export async function merge(event: unknown) {
  const { plan: p, partials } = z.object({ plan: planSchema, partials: z.array(z.object({ key: z.string().min(1) })) }).parse(event);
  const result = await mergedResult(
    p,
    partials.map((x) => x.key),
  );
  return summary(await runAndRecordDrift(runInput(p), { ...driftDeps(), runJob: () => Promise.resolve(fromDriftResult(result)) }));
}
