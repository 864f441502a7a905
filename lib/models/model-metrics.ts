import { z } from "zod";

/**
 * The headline figures of a model version's evaluation (infra/model/train/metrics.py writes the
 * file; the registry points at it from ModelMetrics.ModelQuality.Statistics). Only what the console
 * shows is parsed; the rest of the file (curves, confusion matrices) is left for later screens.
 */
export const evaluationSchema = z.object({
  dataset: z.string(),
  rows: z.number().int().nonnegative(),
  roc_auc: z.number(),
  pr_auc: z.number(),
  recall_at_precision: z.array(z.object({ precision: z.number(), recall: z.number() })),
});

export interface ModelMetrics {
  rocAuc: number;
  prAuc: number;
  /** Recall at 80% precision, the operating point fraud teams usually quote; null if not evaluated. */
  recallAt80Precision: number | null;
  evaluatedRows: number;
  dataset: string;
}

export function toModelMetrics(evaluation: z.infer<typeof evaluationSchema>): ModelMetrics {
  const at80 = evaluation.recall_at_precision.find((p) => Math.abs(p.precision - 0.8) < 1e-9);
  return {
    rocAuc: evaluation.roc_auc,
    prAuc: evaluation.pr_auc,
    recallAt80Precision: at80?.recall ?? null,
    evaluatedRows: evaluation.rows,
    dataset: evaluation.dataset,
  };
}
