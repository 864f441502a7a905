import { randomBytes } from "node:crypto";
import { auditedAction } from "@/lib/audit/audited-action";
import { AppError } from "@/lib/errors/app-error";
import { getGlobalExplanations } from "@/lib/explanations/get-global-explanations";
import { featureByName } from "@/lib/features/schema";
import { getSettings } from "@/lib/settings/get-settings";
import { getTenant } from "@/lib/tenants/get-tenant";
import type { DriftFeatureHistograms, DriftFeatureResult, DriftRun, DriftScoreResult, DriftTrigger } from "./drift-run";
import type { DriftJob, DriftJobOutput } from "./drift-job-output";
import { MAX_DRIFT_WINDOW_DAYS } from "./drift-request";
import { getDriftRun, putDriftRun } from "./drift-store";
import type { DriftThresholds } from "./drift-thresholds";
import { judgeDrift, weighViolations } from "./judge-drift";
import { closeRetrainingEpisode, recommendRetraining, type EpisodeDeps } from "./retraining-episode";

export interface RunAndRecordInput {
  tenantId: string;
  endpointName: string;
  from: Date;
  to: Date;
  trigger: DriftTrigger;
  /** Who asked: the user's id, or "drift-scheduler" / "seed". */
  actor: string;
  /**
   * A run id of the caller's (scheduled runs: one per endpoint and window), making the run
   * idempotent: a second delivery of the same schedule event finds the run and returns it.
   */
  runId?: string;
}

export type RunAndRecordDeps = EpisodeDeps & {
  /** The drift computation (lib/drift's runDriftJob); tests may pass another. */
  runJob: DriftJob;
};

/** Days of explained flagged traffic the importance (mean |SHAP|) is taken from. */
const IMPORTANCE_DAYS = 7;

/**
 * The one way a drift run happens — the "Run now" button (POST /api/drift/run), the scheduled
 * Lambda (drift-handler.ts) and the local scheduler all call it: the job over exactly [from, to),
 * each feature and score judged against the tenant's thresholds, weighted by the production
 * model's mean |SHAP|, the retraining episode opened or closed, and the run recorded. A run a
 * person asked for is audited (`drift.run`); scheduled runs are audited when they open or close
 * a recommendation.
 */
export async function runAndRecordDrift(input: RunAndRecordInput, deps: RunAndRecordDeps): Promise<DriftRun> {
  assertWindow(input.from, input.to);
  const tenant = await getTenant({ tenantId: input.tenantId }, deps);
  // One endpoint per tenant today; another name is someone else's endpoint, so it does not exist here.
  if (!tenant || tenant.endpointName !== input.endpointName) throw new AppError("not_found", `No endpoint ${input.endpointName}`);
  if (input.runId) {
    const existing = await getDriftRun({ tenantId: input.tenantId, runId: input.runId }, deps);
    if (existing) return existing;
  }
  const record = () => computeAndRecord(input, deps);
  if (input.trigger !== "manual") return record();
  return auditedAction(
    {
      tenantId: input.tenantId,
      actor: input.actor,
      action: "drift.run",
      target: `endpoint:${input.endpointName}`,
      requested: { from: input.from.toISOString(), to: input.to.toISOString() },
    },
    async () => {
      const run = await record();
      const after = { runId: run.id, records: run.records, alerts: count(run, "alert"), warnings: count(run, "warn") };
      return { outcome: "applied", result: run, before: null, after, target: `drift-run:${run.id}` };
    },
    deps,
  );
}

function assertWindow(from: Date, to: Date): void {
  if (!(from.getTime() < to.getTime())) throw new AppError("bad_request", "The window's end must be after its start");
  if (to.getTime() - from.getTime() > MAX_DRIFT_WINDOW_DAYS * 86_400_000) {
    throw new AppError("bad_request", `A drift window may be at most ${MAX_DRIFT_WINDOW_DAYS} days`);
  }
}

const count = (run: DriftRun, status: string) => run.features.filter((f) => f.status === status).length;

async function computeAndRecord(input: RunAndRecordInput, deps: RunAndRecordDeps): Promise<DriftRun> {
  const { now } = { now: deps.now ?? (() => new Date()) };
  const [job, { settings }] = await Promise.all([
    deps.runJob({ tenantId: input.tenantId, endpointName: input.endpointName, from: input.from, to: input.to }),
    getSettings({ tenantId: input.tenantId }, deps),
  ]);
  const thresholds = settings.drift;
  const createdAt = now();
  const id = input.runId ?? runId(createdAt);
  const { importance, source } = await productionImportance(input.tenantId, job, deps);
  const features = judgeFeatures(job, thresholds, importance);
  const score = judgeScore(job, thresholds);
  const { weight, heaviest } = weighViolations(features);
  const isJudged = features.some((f) => f.status !== "insufficient");
  const episode = { tenantId: input.tenantId, endpointName: input.endpointName, runId: id, actor: input.actor, weight };
  const recommendation =
    isJudged && weight >= thresholds.retrainWeight
      ? await recommendRetraining({ ...episode, threshold: thresholds.retrainWeight, features: heaviest }, deps)
      : null;
  if (isJudged && !recommendation) await closeRetrainingEpisode(episode, deps);
  const run: DriftRun = {
    id,
    endpoint: input.endpointName,
    from: input.from.toISOString(),
    to: input.to.toISOString(),
    createdAt: createdAt.toISOString(),
    trigger: input.trigger,
    actor: input.actor,
    records: job.records,
    baselineVersion: job.baselineVersion,
    features,
    score,
    weightedViolation: weight,
    importanceSource: source,
    recommendation,
    thresholds,
  };
  await putDriftRun({ tenantId: input.tenantId, run, histograms: histogramsOf(id, job) }, deps);
  return run;
}

/** Sortable by creation time (the listing's sort key), unique by its random tail. */
export function runId(at: Date): string {
  return `${compactTime(at)}-${randomBytes(3).toString("hex")}`;
}

/** The scheduled run of a window: named by its end, so the listing keeps time order. */
export function scheduledRunId(to: Date, trigger: "schedule" | "seed"): string {
  return `${compactTime(to)}-${trigger}`;
}

const compactTime = (at: Date) => at.toISOString().replace(/[-:.]/g, "");

function judgeFeatures(job: DriftJobOutput, thresholds: DriftThresholds, importance: ReadonlyMap<string, number>): DriftFeatureResult[] {
  return job.features
    .map((f) => {
      const { status, violations } = judgeDrift(
        // The mean-shift rule is for numeric features: on a 0/1 flag or a category code it is noise.
        { ...f, meanShift: f.type === "numeric" ? f.meanShift : null },
        thresholds,
      );
      return {
        feature: f.feature,
        label: featureByName(f.feature)?.label ?? f.feature,
        type: f.type,
        records: f.records,
        psi: f.psi,
        ks: f.ks,
        wasserstein: f.wasserstein,
        js: f.js,
        chiSquare: f.chiSquare,
        meanShift: f.meanShift,
        missingRate: f.missingRate,
        baselineMissingRate: f.baselineMissingRate,
        unseenShare: f.unseenShare,
        importance: importance.get(f.feature) ?? 0,
        violations,
        status,
      };
    })
    .sort((a, b) => (b.psi ?? -1) - (a.psi ?? -1));
}

function judgeScore(job: DriftJobOutput, thresholds: DriftThresholds): DriftScoreResult[] {
  return job.score.map((s) => ({
    variant: s.variant,
    modelVersion: s.modelVersion,
    records: s.records,
    psi: s.psi,
    ks: s.ks,
    wasserstein: s.wasserstein,
    meanShift: s.meanShift,
    mean: s.mean,
    baselineMean: s.baselineMean,
    status: judgeDrift({ records: s.records, psi: s.psi, wasserstein: s.wasserstein }, thresholds).status,
  }));
}

function histogramsOf(id: string, job: DriftJobOutput): DriftFeatureHistograms[] {
  const features = job.features.map((f) => ({
    runId: id,
    feature: f.feature,
    label: featureByName(f.feature)?.label ?? f.feature,
    baselineVersion: job.baselineVersion,
    baselineRecords: f.baselineRecords ?? null,
    currentRecords: f.records,
    bins: f.bins,
  }));
  const scores = job.score.map((s) => ({
    runId: id,
    feature: `score:${s.variant}`,
    label: `Score, ${s.variant} (v${s.modelVersion})`,
    baselineVersion: s.modelVersion,
    baselineRecords: s.baselineRecords ?? null,
    currentRecords: s.records,
    bins: s.bins,
  }));
  return [...features, ...scores];
}

/**
 * The production model's mean |SHAP| per feature, as the Explanations page computes it (flagged
 * traffic of the last week, lib/explanations). With nothing explained yet every feature weighs the
 * same, and the run says so.
 */
async function productionImportance(
  tenantId: string,
  job: DriftJobOutput,
  deps: RunAndRecordDeps,
): Promise<{ importance: Map<string, number>; source: "shap" | "uniform" }> {
  const production = job.score.find((s) => s.variant === "production") ?? job.score[0];
  const { versions } = await getGlobalExplanations({ tenantId, days: IMPORTANCE_DAYS }, deps);
  const version = versions.find((v) => v.modelVersion === (production?.modelVersion ?? job.baselineVersion) && v.explained > 0);
  if (!version) return { importance: new Map(), source: "uniform" };
  return { importance: new Map(version.importance.map((f) => [f.feature, f.meanAbsShap])), source: "shap" };
}
