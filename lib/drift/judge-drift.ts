import type { DriftThresholds } from "./drift-thresholds";
import type { DriftSignal, DriftStatus } from "./drift-run";

/** The statistics a feature (or a score distribution) is judged on; absent ones are not judged. */
export interface DriftFigures {
  records: number;
  psi: number | null;
  wasserstein?: number | null;
  js?: number | null;
  meanShift?: number | null;
  unseenShare?: number | null;
  /** 1 = the training data never had the feature (e.g. a feed added after training): nothing to compare. */
  baselineMissingRate?: number | null;
}

export interface DriftJudgement {
  status: DriftStatus;
  violations: DriftSignal[];
}

/**
 * A feature's status from its figures: too few records, or a baseline that never had a value →
 * "insufficient" (never "ok"); PSI past its
 * alert level, or two independent signals agreeing (PSI past warn with a distance, mean shift or
 * unseen share past theirs, or two of those), → "alert"; any one signal → "warn". One noisy
 * statistic alone never raises an alert, and no p-value is consulted (a large window makes every
 * p tiny; ../shared/OPS.md).
 */
export function judgeDrift(figures: DriftFigures, t: DriftThresholds): DriftJudgement {
  if (figures.records < t.minSample || (figures.baselineMissingRate ?? 0) >= 1) return { status: "insufficient", violations: [] };
  const violations: DriftSignal[] = [];
  const over = (value: number | null | undefined, limit: number) => value != null && Number.isFinite(value) && value >= limit;
  if (over(figures.psi, t.psiWarn)) violations.push("psi");
  if (over(figures.wasserstein, t.wasserstein)) violations.push("wasserstein");
  if (over(figures.js, t.jensenShannon)) violations.push("js");
  if (over(figures.meanShift, t.meanShift)) violations.push("meanShift");
  if (over(figures.unseenShare, t.unseenShare)) violations.push("unseenShare");
  if (violations.length === 0) return { status: "ok", violations };
  const status = over(figures.psi, t.psiAlert) || violations.length >= 2 ? "alert" : "warn";
  return { status, violations };
}

export const SEVERITY: Readonly<Record<DriftStatus, number>> = { ok: 0, insufficient: 0, warn: 0.5, alert: 1 };

export interface WeightedFeature {
  feature: string;
  status: DriftStatus;
  importance: number;
}

/**
 * How much of the production model's importance is drifting: Σ importance × severity / Σ importance
 * (alert 1, warn ½). Features without importance weigh nothing; with no importance at all every
 * feature weighs the same.
 */
export function weighViolations(features: readonly WeightedFeature[]): { weight: number; heaviest: string[] } {
  const total = features.reduce((sum, f) => sum + Math.max(0, f.importance), 0);
  const weightOf = (f: WeightedFeature) => (total > 0 ? Math.max(0, f.importance) / total : 1 / Math.max(1, features.length));
  const contributions = features
    .map((f) => ({ feature: f.feature, value: weightOf(f) * SEVERITY[f.status] }))
    .filter((c) => c.value > 0)
    .sort((a, b) => b.value - a.value);
  return { weight: contributions.reduce((sum, c) => sum + c.value, 0), heaviest: contributions.map((c) => c.feature) };
}
