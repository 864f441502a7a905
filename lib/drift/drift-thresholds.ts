import { z } from "zod";

/**
 * Per-tenant drift thresholds (Settings → Drift, admin, audited with the rest of the settings).
 * Defaults follow ../shared/OPS.md "Drift statistics": Evidently's PSI ≥ 0.1 (warn; 0.2 the usual
 * "significant shift"), normalised Wasserstein-1 ≥ 0.1 and Jensen–Shannon distance ≥ 0.1 (what
 * Evidently switches to above 1,000 rows because p-values flag everything on large samples), the
 * seeds' mean-shift ratio ≥ 30%, and new categories reported on their own (≥ 1% of the window).
 * No p-value is a threshold: KS D and χ² are shown, never decisive alone.
 */
export const driftThresholdsSchema = z
  .object({
    psiWarn: z.number().min(0).max(10),
    psiAlert: z.number().min(0).max(10),
    /** W1 / baseline standard deviation, numeric features. */
    wasserstein: z.number().min(0).max(10),
    /** Jensen–Shannon distance (base 2, 0–1), categorical features. */
    jensenShannon: z.number().min(0).max(1),
    /** |mean_live − mean_train| / |mean_train|, numeric features (0.3 = 30%). */
    meanShift: z.number().min(0).max(100),
    /** Share of the window's values never seen in training, categorical features. */
    unseenShare: z.number().min(0).max(1),
    /** A feature with fewer records in the window is "insufficient", never "ok". */
    minSample: z.number().int().min(1).max(10_000_000),
    /**
     * A run recommends retraining when its violations weigh at least this share of the production
     * model's importance (mean |SHAP|): Σ weight × severity / Σ weight, alert = 1, warn = ½.
     */
    retrainWeight: z.number().min(0).max(1),
  })
  .superRefine((t, ctx) => {
    if (t.psiAlert < t.psiWarn) ctx.addIssue({ code: "custom", path: ["psiAlert"], message: "must be at least the PSI warning level" });
  });

export type DriftThresholds = z.infer<typeof driftThresholdsSchema>;

export const DEFAULT_DRIFT_THRESHOLDS: DriftThresholds = {
  psiWarn: 0.1,
  psiAlert: 0.2,
  wasserstein: 0.1,
  jensenShannon: 0.1,
  meanShift: 0.3,
  unseenShare: 0.01,
  minSample: 500,
  retrainWeight: 0.25,
};
