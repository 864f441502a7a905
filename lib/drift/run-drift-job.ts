import { captureSource, type CaptureSourceDeps } from "@/lib/capture/capture-source";
import { listCaptureObjects, type CaptureDeps, type CaptureObject } from "@/lib/capture/list-capture-objects";
import { readCaptureObject } from "@/lib/capture/read-capture-object";
import type { StoreDeps } from "@/lib/db/store";
import { AppError } from "@/lib/errors/app-error";
import type { Baseline } from "./baseline";
import { driftResult, type DriftResult } from "./drift-result";
import { loadBaseline, type BaselineDeps } from "./load-baseline";
import { addRow, binningPlan, emptyPartial, mergePartials, type BinningPlan, type DriftPartial } from "./partial";
import { servingVersions, type VersionOf } from "./serving-versions";

export interface DriftJobInput {
  tenantId: string;
  endpointName: string;
  from: Date;
  to: Date;
}

export interface DriftJobDeps extends CaptureDeps, CaptureSourceDeps, BaselineDeps, StoreDeps {
  /** Which model version served a variant's record; default: the deployment history, else the current config. */
  versionOf?: VersionOf;
  /** Capture objects read at once (each holds one stream and one partial). */
  concurrency?: number;
}

/** Binning plans by model version, each baseline loaded once; null for a version without one. */
export type PlanOf = (version: string) => Promise<BinningPlan | null>;

export function baselinePlans(load: (version: string) => Promise<Baseline>): PlanOf {
  const plans = new Map<string, Promise<BinningPlan | null>>();
  return (version) => {
    let plan = plans.get(version);
    if (!plan) {
      plan = load(version).then(
        (baseline) => binningPlan(version, baseline),
        (error: unknown) => {
          console.warn(`drift: no baseline for model version ${version}: ${(error as Error).message}`);
          return null;
        },
      );
      plans.set(version, plan);
    }
    return plan;
  };
}

/**
 * The map step: one capture object's records inside [from, to) as a partial, each row binned on the
 * baseline of the version that served it. Fans out as is (one task per object on AWS).
 */
export async function capturePartial(
  object: CaptureObject,
  input: { from: Date; to: Date; versionOf: VersionOf; planOf: PlanOf },
  deps: CaptureDeps = {},
): Promise<DriftPartial> {
  const partial = emptyPartial();
  const records = readCaptureObject(object, { from: input.from, to: input.to, onInvalid: () => void partial.invalid++ }, deps);
  for await (const record of records) {
    const version = input.versionOf(record.variant, record.inferenceTime);
    const plan = version === null ? null : await input.planOf(version);
    if (!plan) {
      partial.unattributed += record.rows.length;
      continue;
    }
    for (let i = 0; i < record.rows.length; i++) addRow(partial, plan, record.variant, record.rows[i]!, record.scores[i]);
  }
  return partial;
}

const DEFAULT_CONCURRENCY = 8;

/** The map half of the job over a window: its capture objects' merged partial, and how many objects. */
export interface WindowPartial {
  partial: DriftPartial;
  objects: number;
}

async function windowPlans(input: DriftJobInput, deps: DriftJobDeps) {
  if (!(input.from.getTime() < input.to.getTime())) throw new AppError("bad_request", "The window's start must be before its end");
  const source = await captureSource(input, deps);
  const planOf = baselinePlans((version) => loadBaseline({ modelPackageGroupName: source.tenant.modelPackageGroupName, version }, deps));
  return { source, planOf };
}

async function partialOf(input: DriftJobInput, deps: DriftJobDeps, { source, planOf }: Awaited<ReturnType<typeof windowPlans>>) {
  const versionOf = deps.versionOf ?? (await servingVersions(input, deps));
  const objects = await listCaptureObjects(
    { destination: source.destination, endpointName: input.endpointName, from: input.from, to: input.to },
    deps,
  );
  let total = emptyPartial();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < objects.length; i = next++) {
      const partial = await capturePartial(objects[i]!, { from: input.from, to: input.to, versionOf, planOf }, deps);
      total = mergePartials(total, partial);
    }
  };
  await Promise.all(Array.from({ length: Math.min(deps.concurrency ?? DEFAULT_CONCURRENCY, objects.length) }, worker));
  return { partial: total, objects: objects.length };
}

async function resultOf(input: DriftJobInput, window: WindowPartial, planOf: PlanOf): Promise<DriftResult> {
  const plans = new Map<string, BinningPlan>();
  for (const version of Object.keys(window.partial.versions)) {
    const plan = await planOf(version);
    if (plan) plans.set(version, plan);
  }
  return driftResult({ endpointName: input.endpointName, from: input.from, to: input.to, objects: window.objects }, window.partial, plans);
}

/**
 * The map step over a window (an hour of a fan-out, infra/aws): every capture object of every
 * variant in [from, to), streamed and merged into one partial of fixed size.
 */
export async function windowPartial(input: DriftJobInput, deps: DriftJobDeps = {}): Promise<WindowPartial> {
  return partialOf(input, deps, await windowPlans(input, deps));
}

/**
 * The reduce step: the figures of a window from its partial — the partials of its parts (hours,
 * objects) merged by adding counts (mergePartials), objects summed — as runDriftJob computes them.
 */
export async function windowResult(input: DriftJobInput, window: WindowPartial, deps: DriftJobDeps = {}): Promise<DriftResult> {
  return resultOf(input, window, (await windowPlans(input, deps)).planOf);
}

/**
 * The drift job for a tenant endpoint and a window [from, to): lists the capture objects of every
 * variant, streams each (never the whole window in memory: a few partials of fixed size and one
 * stream per reader), merges the partials by adding counts, and computes every figure against the
 * training baseline of the version that served the rows. Thresholds, status and persistence are
 * the caller's (drift-app).
 */
export async function runDriftJob(input: DriftJobInput, deps: DriftJobDeps = {}): Promise<DriftResult> {
  const plans = await windowPlans(input, deps);
  return resultOf(input, await partialOf(input, deps, plans), plans.planOf);
}
