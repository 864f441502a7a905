import { z } from "zod";

/**
 * A model version's training baseline (infra/model/artifacts/<group>/v<N>/baseline.json, written by
 * infra/model/train/baseline.py; the registry's DriftCheckBaselines point at it). Binning rule,
 * here as there: bin index = number of edges <= value; missing values are counted apart.
 */
const histogramSchema = z.object({ edges: z.array(z.number()), counts: z.array(z.number().int().nonnegative()) });

const fineSchema = histogramSchema.refine((h) => h.counts.length === h.edges.length + 1, "fine counts must be edges + 1");

export const baselineFeatureSchema = z.object({
  name: z.string(),
  type: z.enum(["numeric", "boolean", "categorical-encoded"]),
  count: z.number().int().nonnegative(),
  missing: z.number().int().nonnegative(),
  categories: z.array(z.string()).optional(),
  mean: z.number().optional(),
  std: z.number().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  histogram: histogramSchema,
  fine: fineSchema.optional(),
});

export const baselineSchema = z.object({
  format: z.literal("fraud-console/baseline@1"),
  dataset: z.object({ rows: z.number().int().nonnegative() }),
  features: z.array(baselineFeatureSchema),
  prediction: z.object({
    mean: z.number(),
    std: z.number(),
    min: z.number().optional(),
    max: z.number().optional(),
    histogram: histogramSchema,
    fine: fineSchema.optional(),
  }),
});

export type Baseline = z.infer<typeof baselineSchema>;
export type BaselineFeature = z.infer<typeof baselineFeatureSchema>;

/** The numeric summary of a baseline distribution (a numeric feature or the score) the statistics need. */
export interface NumericBaseline {
  count: number;
  missing: number;
  mean: number | null;
  std: number | null;
  min: number | null;
  max: number | null;
  coarse: { edges: readonly number[]; counts: readonly number[] };
  fine: { edges: readonly number[]; counts: readonly number[] } | null;
}

export function numericBaselineOf(feature: BaselineFeature): NumericBaseline {
  return {
    count: feature.count,
    missing: feature.missing,
    mean: feature.mean ?? null,
    std: feature.std ?? null,
    min: feature.min ?? null,
    max: feature.max ?? null,
    coarse: feature.histogram,
    fine: feature.fine ?? null,
  };
}

export function scoreBaselineOf(baseline: Baseline): NumericBaseline {
  const p = baseline.prediction;
  const count = p.histogram.counts.reduce((a, b) => a + b, 0);
  return { count, missing: 0, mean: p.mean, std: p.std, min: p.min ?? null, max: p.max ?? null, coarse: p.histogram, fine: p.fine ?? null };
}
