import { z } from "zod";

/**
 * The headline figures of a model version's evaluation (infra/model/train/metrics.py and
 * annotate.py write the file; the registry points at it from ModelMetrics.ModelQuality.Statistics).
 * Only what the console shows and the approval gates read is parsed; the rest of the file (curves,
 * confusion matrices) is left for later screens.
 */
const recallAtPrecision = z.array(z.object({ precision: z.number(), recall: z.number() }));

const window = z.object({ from: z.string().nullable().optional(), to: z.string().nullable().optional() });

export const evaluationSchema = z.object({
  dataset: z.string(),
  rows: z.number().int().nonnegative(),
  frauds: z.number().int().nonnegative().optional(),
  roc_auc: z.number(),
  pr_auc: z.number(),
  recall_at_precision: recallAtPrecision,
  context: z
    .object({
      evaluated_at: z.string().nullable().optional(),
      training_window: window.extend({ description: z.string().optional() }).optional(),
      test_window: window.optional(),
    })
    .optional(),
  /** The production version at training time, scored on this version's test split. */
  champion: z
    .object({ version: z.number().int(), roc_auc: z.number(), pr_auc: z.number(), recall_at_precision: recallAtPrecision })
    .optional(),
});

export interface HeadlineFigures {
  rocAuc: number;
  prAuc: number;
  /** Recall at 80% precision, the operating point fraud teams usually quote; null if not evaluated. */
  recallAt80Precision: number | null;
}

export interface ModelMetrics extends HeadlineFigures {
  evaluatedRows: number;
  /** Frauds among the evaluated rows; null where the evaluation does not say. */
  evaluatedFrauds: number | null;
  /** Set when either class is too thin on the held-out split for its figures to mean much. */
  sampleWarning: string | null;
  dataset: string;
  evaluatedAt: string | null;
  trainingWindow: { from: string | null; to: string | null; description: string | null } | null;
  testWindow: { from: string | null; to: string | null } | null;
  /** The champion (production when this version was trained) on this version's test split. */
  champion: (HeadlineFigures & { version: number }) | null;
}

/**
 * Below this many rows of either class on the held-out split, ROC-AUC, PR-AUC and recall rest on a
 * handful of items (one legitimate row makes ROC-AUC a count of the frauds scored above it), so the
 * figures — and the comparison with production's on the same rows — are shown with a warning.
 */
export const MIN_EVALUATED_PER_CLASS = 30;

export function sampleWarningOf(rows: number, frauds: number | null): string | null {
  if (frauds === null) return null;
  const legit = rows - frauds;
  if (Math.min(frauds, legit) >= MIN_EVALUATED_PER_CLASS) return null;
  return (
    `Held out: ${rows} rows, ${frauds} fraud and ${legit} legitimate. With fewer than ${MIN_EVALUATED_PER_CLASS} of a class, ` +
    `these figures and production's beside them say little.`
  );
}

const at80 = (points: z.infer<typeof recallAtPrecision>) => points.find((p) => Math.abs(p.precision - 0.8) < 1e-9)?.recall ?? null;

export function toModelMetrics(evaluation: z.infer<typeof evaluationSchema>): ModelMetrics {
  const { context, champion } = evaluation;
  return {
    rocAuc: evaluation.roc_auc,
    prAuc: evaluation.pr_auc,
    recallAt80Precision: at80(evaluation.recall_at_precision),
    evaluatedRows: evaluation.rows,
    evaluatedFrauds: evaluation.frauds ?? null,
    sampleWarning: sampleWarningOf(evaluation.rows, evaluation.frauds ?? null),
    dataset: evaluation.dataset,
    evaluatedAt: context?.evaluated_at ?? null,
    trainingWindow: context?.training_window
      ? {
          from: context.training_window.from ?? null,
          to: context.training_window.to ?? null,
          description: context.training_window.description ?? null,
        }
      : null,
    testWindow: context?.test_window ? { from: context.test_window.from ?? null, to: context.test_window.to ?? null } : null,
    champion: champion
      ? {
          version: champion.version,
          rocAuc: champion.roc_auc,
          prAuc: champion.pr_auc,
          recallAt80Precision: at80(champion.recall_at_precision),
        }
      : null,
  };
}
