import { captureSource, type CaptureSourceDeps } from "@/lib/capture/capture-source";
import type { CaptureLineView } from "@/lib/capture/capture-line-decoder";
import { listCaptureObjects, type CaptureDeps, type CaptureObject } from "@/lib/capture/list-capture-objects";
import { scanCaptureObject } from "@/lib/capture/read-capture-object";
import type { StoreDeps } from "@/lib/db/store";
import { AppError } from "@/lib/errors/app-error";
import type { Baseline } from "./baseline";
import { driftResult, type DriftResult } from "./drift-result";
import { loadBaseline, type BaselineDeps } from "./load-baseline";
import { DriftAccumulator } from "./accumulator";
import { binningPlan, type BinningPlan, type DriftPartial } from "./partial";
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

interface MapInput {
  from: Date;
  to: Date;
  versionOf: VersionOf;
  planOf: PlanOf;
}

/**
 * Adds one capture object's records inside [from, to) to `counts`, each line binned on the
 * baseline of the version that served it. Explanation calls are left out (counted apart): the
 * explainer re-sends a transaction whose decision was captured already, so each counts once.
 */
export async function accumulateCapture(object: CaptureObject, counts: DriftAccumulator, input: MapInput, deps: CaptureDeps = {}) {
  // Resolved plans by version, so that a line waits only for a baseline not loaded yet.
  const plans = new Map<string, BinningPlan | null>();
  const add = (plan: BinningPlan | null, line: CaptureLineView) => {
    if (plan) counts.addLine(plan, line);
    else counts.unattributed += line.rows;
  };
  const options = { from: input.from, to: input.to, onInvalid: () => void counts.invalid++ };
  await scanCaptureObject(
    object,
    options,
    (line) => {
      if (line.explained) {
        counts.explained += line.rows;
        return;
      }
      const version = input.versionOf(line.variant, line.inferenceTime);
      if (version === null) return add(null, line);
      const plan = plans.get(version);
      if (plan !== undefined) return add(plan, line);
      return input.planOf(version).then((loaded) => {
        plans.set(version, loaded);
        add(loaded, line);
      });
    },
    deps,
  );
}

/** The map step: one capture object's records as a partial. Fans out as is (one task per object on AWS). */
export async function capturePartial(object: CaptureObject, input: MapInput, deps: CaptureDeps = {}): Promise<DriftPartial> {
  const counts = new DriftAccumulator();
  await accumulateCapture(object, counts, input, deps);
  return counts.toPartial();
}

const DEFAULT_CONCURRENCY = 8;
const HOUR_MS = 3_600_000;

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
  // The serving versions and the listing are independent requests: at once.
  const [versionOf, objects] = await Promise.all([
    deps.versionOf ?? servingVersions(input, deps),
    listCaptureObjects({ destination: source.destination, endpointName: input.endpointName, from: input.from, to: input.to }, deps),
  ]);
  // The baselines the rows will need load while the first objects stream, instead of holding up
  // every reader at its first line: the versions serving each object's hour at its ends.
  for (const object of objects) {
    const start = Math.max(object.hour.getTime(), input.from.getTime());
    const end = Math.min(object.hour.getTime() + HOUR_MS, input.to.getTime()) - 1;
    for (const version of new Set([versionOf(object.variant, start), versionOf(object.variant, end)]))
      if (version !== null) void planOf(version);
  }

  // The readers stream their objects at once and add every line to one accumulator: a line is added
  // synchronously, so they never interleave within one, and one set of count arrays stays in the
  // CPU's caches (an accumulator per reader multiplied them by the readers: ≈ 5 MB of counts
  // touched at random, a tenth of the map step in cache misses). Same counts as merging per-object
  // partials (accumulator.test.ts, mergePartials).
  const mapInput = { from: input.from, to: input.to, versionOf, planOf };
  const counts = new DriftAccumulator();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(deps.concurrency ?? DEFAULT_CONCURRENCY, objects.length) }, async () => {
      for (let i = next++; i < objects.length; i = next++) await accumulateCapture(objects[i]!, counts, mapInput, deps);
    }),
  );
  return { partial: counts.toPartial(), objects: objects.length };
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
