import type { DriftThresholds } from "./drift-thresholds";

/**
 * The drift run as it is stored and served (GET /api/drift, POST /api/drift/run): the job's figures
 * per feature and per variant's score, judged against the tenant's thresholds, with the production
 * model's importance and the retraining recommendation. Types only: the browser names them too.
 */
export const DRIFT_STATUSES = ["ok", "warn", "alert", "insufficient"] as const;
export type DriftStatus = (typeof DRIFT_STATUSES)[number];

export const DRIFT_TRIGGERS = ["manual", "schedule", "seed"] as const;
export type DriftTrigger = (typeof DRIFT_TRIGGERS)[number];

/** Which statistic crossed its threshold. */
export type DriftSignal = "psi" | "wasserstein" | "js" | "meanShift" | "unseenShare";

export interface DriftFeatureResult {
  feature: string;
  label: string;
  type: "numeric" | "categorical" | "boolean";
  /** Records of the window this feature was judged on (missing values included). */
  records: number;
  psi: number | null;
  /** Kolmogorov–Smirnov D (numeric); shown, never decisive alone. */
  ks?: number | null;
  /** Normalised Wasserstein-1 (W1 / baseline std), numeric. */
  wasserstein?: number | null;
  /** Jensen–Shannon distance, base 2, categorical. */
  js?: number | null;
  /** χ² statistic on the baseline's categories (categorical); shown, never decisive alone. */
  chiSquare?: number | null;
  /** |mean − baseline mean| / |baseline mean|; null where the baseline mean is 0 or the type has none. */
  meanShift: number | null;
  missingRate: number;
  baselineMissingRate: number | null;
  /** Share of values never seen in training (categorical). */
  unseenShare?: number | null;
  /** Production model's mean |SHAP| for this feature (the weight of its drift). */
  importance: number;
  violations: DriftSignal[];
  status: DriftStatus;
}

export interface DriftScoreResult {
  variant: string;
  modelVersion: string;
  records: number;
  psi: number | null;
  ks: number | null;
  wasserstein: number | null;
  meanShift: number | null;
  mean: number | null;
  baselineMean: number | null;
  status: DriftStatus;
}

export interface DriftRecommendation {
  /** The episode this run belongs to: notified once, when it opened. */
  episodeId: string;
  openedAt: string;
  /** True on the run that opened the episode. */
  isNew: boolean;
  weight: number;
  threshold: number;
  /** Features that carried the weight, heaviest first. */
  features: string[];
}

export interface DriftRun {
  id: string;
  endpoint: string;
  from: string;
  to: string;
  createdAt: string;
  trigger: DriftTrigger;
  actor: string;
  records: number;
  /** Model version(s) whose training baseline the features were compared to. */
  baselineVersion: string;
  features: DriftFeatureResult[];
  score: DriftScoreResult[];
  /** Σ importance × severity / Σ importance (alert 1, warn ½). */
  weightedViolation: number;
  /** "shap": production model's mean |SHAP| from explained traffic; "uniform" when none was explained yet. */
  importanceSource: "shap" | "uniform";
  recommendation: DriftRecommendation | null;
  /** The tenant's thresholds the run was judged with (charts mark them). */
  thresholds: DriftThresholds;
}

/** A run in the history list: the headline figures per feature, enough to draw drift over time. */
export type DriftFeatureSummary = Pick<
  DriftFeatureResult,
  "feature" | "psi" | "wasserstein" | "js" | "meanShift" | "unseenShare" | "status"
>;
export type DriftRunSummary = Omit<DriftRun, "features" | "score"> & {
  features: DriftFeatureSummary[];
  score: Array<Pick<DriftScoreResult, "variant" | "modelVersion" | "psi" | "status">>;
};

export interface DriftHistogramBin {
  /** e.g. "< 17.3", "17.3 – 26.4", "mobile", "missing", "unseen". */
  label: string;
  kind: "bin" | "missing" | "unseen";
  baseline: number;
  current: number;
}

/** GET /api/drift/runs/{id}/features/{feature}: baseline and window distributions on the baseline's bins (fractions). */
export interface DriftFeatureHistograms {
  runId: string;
  feature: string;
  label: string;
  baselineVersion: string;
  baselineRecords: number | null;
  currentRecords: number;
  bins: DriftHistogramBin[];
}

export interface DriftOverview {
  endpoint: string;
  latest: DriftRun | null;
  runs: DriftRunSummary[];
}
