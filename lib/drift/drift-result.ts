import { featureFigures, scoreFigures, type FeatureFigures, type ScoreFigures } from "./figures";
import type { BinningPlan, DriftPartial } from "./partial";

type Windowed<T> = T & { from: string; to: string };

/** What the drift job computed for a window; drift-app adds thresholds, status and persistence. */
export interface DriftResult {
  endpoint: string;
  from: string;
  to: string;
  /** Rows compared (the transactions in the window's capture, every variant). */
  records: number;
  /** The version that served most rows: `features` compare to its training baseline. */
  baselineVersion: string | null;
  features: Array<Windowed<FeatureFigures>>;
  /** Prediction drift by variant, each against the training scores of the version it served. */
  score: Record<string, Windowed<ScoreFigures>>;
  /** Every version that served rows in the window, most rows first. */
  versions: Array<{ version: string; records: number; variants: string[] }>;
  /** The figures of the other versions (a canary on another model), each against its own baseline. */
  byVersion: Record<string, { records: number; features: Array<Windowed<FeatureFigures>>; score: Record<string, Windowed<ScoreFigures>> }>;
  /** Capture objects read, lines that could not be decoded, rows no baseline could be found for. */
  objects: number;
  invalid: number;
  unattributed: number;
  /** Rows of explanation calls left out (each repeats a transaction already counted in `records`). */
  explained: number;
}

/** The reduce step's end: the statistics of a merged partial. */
export function driftResult(
  input: { endpointName: string; from: Date; to: Date; objects: number },
  partial: DriftPartial,
  plans: ReadonlyMap<string, BinningPlan>,
): DriftResult {
  const window = { from: input.from.toISOString(), to: input.to.toISOString() };
  const versions = Object.entries(partial.versions)
    .filter(([version]) => plans.has(version))
    .sort(([va, a], [vb, b]) => b.records - a.records || va.localeCompare(vb));
  const figures = versions.map(([version, p]) => {
    const plan = plans.get(version)!;
    const score = Object.fromEntries(
      Object.entries(p.scores).map(([variant, s]) => [variant, { ...scoreFigures(plan, variant, s), ...window }]),
    );
    return {
      version,
      records: p.records,
      features: featureFigures(plan, p).map((f) => ({ ...f, ...window })),
      score,
      variants: Object.keys(p.scores).sort(),
    };
  });
  const [primary, ...others] = figures;
  // A variant that served several versions in the window shows its figures for the version it served most.
  const score: DriftResult["score"] = {};
  for (const f of figures)
    for (const [variant, s] of Object.entries(f.score)) if (!score[variant] || score[variant].records < s.records) score[variant] = s;
  return {
    endpoint: input.endpointName,
    ...window,
    records: partial.records,
    baselineVersion: primary?.version ?? null,
    features: primary?.features ?? [],
    score,
    versions: figures.map(({ version, records, variants }) => ({ version, records, variants })),
    byVersion: Object.fromEntries(others.map((f) => [f.version, { records: f.records, features: f.features, score: f.score }])),
    objects: input.objects,
    invalid: partial.invalid,
    unattributed: partial.unattributed,
    explained: partial.explained,
  };
}
