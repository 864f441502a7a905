import type { TenantId } from "../simulator/tenants";

/**
 * What `npm run model:train` builds for each tenant: the simulated data sets and the three
 * committed model versions. Every seed and date is fixed so a rerun reproduces the artifacts.
 */
export type TrainingSetId = "early" | "full" | "fresh";

export interface VersionSpec {
  version: number;
  description: string;
  /** Fixed, so model-card.json does not change on every retrain. */
  created: string;
  trainingSet: TrainingSetId;
  /**
   * The version in production when this one was trained: its model is scored on this version's
   * test split and recorded beside this version's figures (evaluation.json `champion`), the
   * comparison the console's approval gate reads. None for the first version.
   */
  champion?: number;
  hyperparameters: Readonly<Record<string, number>>;
}

export interface TenantPlan {
  tenant: TenantId;
  /** One timeline: days before testFromDay feed training, the rest is the out-of-time test split. */
  history: { seed: number; start: string; days: number; rows: number; testFromDay: number };
  /** Seed of the chargeback-reporting delays that decide which frauds the fresh set knows about. */
  maturitySeed: number;
  versions: readonly VersionSpec[];
}

/** Days of history in the early set: before the merchant chargeback feed existed. */
export const EARLY_SET_DAYS = 60;

/** Days in the fresh set: so recent that most chargebacks have not arrived yet. */
export const FRESH_SET_DAYS = 21;

export const TRAINING_WINDOWS: Readonly<Record<TrainingSetId, string>> = {
  early: `first ${EARLY_SET_DAYS} days of history, before the merchant chargeback feed (column empty)`,
  full: "first 90 days of history, all features",
  fresh: `the freshest ${FRESH_SET_DAYS} days before the cut-off, labels immature (unreported frauds count as legitimate)`,
};

const COMMON = { subsample: 0.85, colsample_bytree: 0.85, seed: 7, nthread: 1, max_bin: 256 };

/** Day offsets [from, to) of each training set within the history (datasets.ts draws them). */
export const TRAINING_DAYS: Readonly<Record<TrainingSetId, readonly [number, number]>> = {
  early: [0, EARLY_SET_DAYS],
  full: [0, 90],
  fresh: [90 - FRESH_SET_DAYS, 90],
};

const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);

/** Calendar windows of a version's training set and of the test split, for the evaluation's context. */
export function evaluationWindows(plan: TenantPlan, set: TrainingSetId) {
  const [from, to] = TRAINING_DAYS[set];
  const { start, days, testFromDay } = plan.history;
  return {
    training: { from: addDays(start, from), to: addDays(start, to) },
    test: { from: addDays(start, testFromDay), to: addDays(start, days) },
  };
}

/**
 * The production version each retrain was compared with (the seeded story): acme-bank ran v1 until
 * v2 was promoted, so its v3 faced v2; globex-pay still runs v1 (v2 is its canary), so its v3 faced v1.
 */
function versions(tenantLabel: string, v3Champion: number): VersionSpec[] {
  return [
    {
      version: 1,
      description: `${tenantLabel} baseline: 120 trees of depth 4 on 60 days, without the merchant chargeback feed`,
      created: "2026-09-01T10:00:00Z",
      trainingSet: "early",
      hyperparameters: { ...COMMON, num_round: 120, max_depth: 4, eta: 0.15, min_child_weight: 5, gamma: 0, reg_lambda: 1 },
    },
    {
      version: 2,
      description: `${tenantLabel} challenger: 200 trees of depth 5 on 90 days, adds merchant chargeback rate`,
      created: "2026-09-22T10:00:00Z",
      trainingSet: "full",
      champion: 1,
      hyperparameters: { ...COMMON, num_round: 200, max_depth: 5, eta: 0.08, min_child_weight: 5, gamma: 2, reg_lambda: 2 },
    },
    {
      version: 3,
      description: `${tenantLabel} rushed retrain: 25 shallow, over-regularised trees on the freshest 3 weeks, before chargebacks matured`,
      created: "2026-10-13T10:00:00Z",
      trainingSet: "fresh",
      champion: v3Champion,
      hyperparameters: { ...COMMON, num_round: 25, max_depth: 3, eta: 0.3, min_child_weight: 40, gamma: 0, reg_lambda: 1 },
    },
  ];
}

export const TENANT_PLANS: readonly TenantPlan[] = [
  {
    tenant: "acme-bank",
    history: { seed: 1001, start: "2026-05-01T00:00:00Z", days: 120, rows: 200_000, testFromDay: 90 },
    maturitySeed: 1002,
    versions: versions("Acme Bank", 2),
  },
  {
    tenant: "globex-pay",
    history: { seed: 2001, start: "2026-05-01T00:00:00Z", days: 120, rows: 200_000, testFromDay: 90 },
    maturitySeed: 2002,
    versions: versions("Globex Pay", 1),
  },
];
