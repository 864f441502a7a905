import { FEATURES, type FeatureValue } from "@/lib/features/schema";
import { binIndex, numericBins, type NumericBins } from "./edge-lookup";
import { numericBaselineOf, scoreBaselineOf, type Baseline, type NumericBaseline } from "./baseline";

/**
 * The mergeable partial result of the drift job (map → reduce): counts only, on the bins of the
 * baseline of the model version that served each record, so partials of different capture objects
 * or hours merge by adding (mergePartials) and the statistics are computed once at the end. Plain
 * JSON, so a fan-out on AWS can pass partials between tasks. Size is fixed by the baselines' bins,
 * never by the number of records.
 */
export interface NumericPartial {
  kind: "numeric";
  /** Rows seen, missing included. */
  count: number;
  missing: number;
  /** Σ (x − shift) and Σ (x − shift)² over present values, shift = the baseline mean (less cancellation). */
  shift: number;
  sum: number;
  sumSquares: number;
  min: number | null;
  max: number | null;
  /** On the baseline histogram's edges. */
  coarse: number[];
  /** On the baseline's fine edges ([] when the baseline has none). */
  fine: number[];
}

export interface CategoricalPartial {
  kind: "categorical";
  count: number;
  missing: number;
  /** Counts by code, index = code, for the feature's vocabulary. */
  codes: number[];
  /** Codes outside the vocabulary (not an integer in range), by the code as text. */
  other: Record<string, number>;
}

export type FeaturePartial = NumericPartial | CategoricalPartial;

export interface VersionPartial {
  records: number;
  /** In feature schema order. */
  features: FeaturePartial[];
  /** The score distribution by variant. */
  scores: Record<string, NumericPartial>;
}

export interface DriftPartial {
  format: "fraud-console/drift-partial@1";
  /** Rows (transactions) added. */
  records: number;
  /** Capture lines that could not be decoded. */
  invalid: number;
  /** Rows whose variant no model version could be found for. */
  unattributed: number;
  /**
   * Rows of explanation calls, left out: the explainer re-sends a transaction already captured
   * when it was decided (CapturedRecord.explained), so each transaction counts once.
   */
  explained: number;
  /** By model version (the baseline the rows are binned on). */
  versions: Record<string, VersionPartial>;
}

export function emptyPartial(): DriftPartial {
  return { format: "fraud-console/drift-partial@1", records: 0, invalid: 0, unattributed: 0, explained: 0, versions: {} };
}

/** A baseline made ready for binning: edges as typed arrays, resolved once per version. */
export interface BinningPlan {
  version: string;
  baseline: Baseline;
  features: Array<
    | { kind: "numeric"; base: NumericBaseline; coarse: Float64Array; fine: Float64Array; bins: NumericBins }
    | { kind: "categorical"; size: number }
  >;
  score: { base: NumericBaseline; coarse: Float64Array; fine: Float64Array; bins: NumericBins };
}

export function binningPlan(version: string, baseline: Baseline): BinningPlan {
  if (baseline.features.length !== FEATURES.length || baseline.features.some((f, i) => f.name !== FEATURES[i]!.name)) {
    throw new Error(`baseline of version ${version} does not match the feature schema`);
  }
  const features = baseline.features.map((f, i) => {
    const schema = FEATURES[i]!;
    if (schema.type === "numeric") {
      const base = numericBaselineOf(f);
      const coarse = Float64Array.from(base.coarse.edges);
      const fine = Float64Array.from(base.fine?.edges ?? []);
      return { kind: "numeric" as const, base, coarse, fine, bins: numericBins(coarse, fine) };
    }
    return { kind: "categorical" as const, size: schema.type === "boolean" ? 2 : (schema.categories?.length ?? 0) };
  });
  const base = scoreBaselineOf(baseline);
  const coarse = Float64Array.from(base.coarse.edges);
  const fine = Float64Array.from(base.fine?.edges ?? []);
  return { version, baseline, features, score: { base, coarse, fine, bins: numericBins(coarse, fine) } };
}

function numericPartial(base: NumericBaseline, coarse: number, fine: number): NumericPartial {
  return {
    kind: "numeric",
    count: 0,
    missing: 0,
    shift: base.mean ?? 0,
    sum: 0,
    sumSquares: 0,
    min: null,
    max: null,
    coarse: new Array<number>(coarse + 1).fill(0),
    fine: fine > 0 ? new Array<number>(fine + 1).fill(0) : [],
  };
}

function versionPartial(plan: BinningPlan): VersionPartial {
  return {
    records: 0,
    features: plan.features.map((f) =>
      f.kind === "numeric"
        ? numericPartial(f.base, f.coarse.length, f.fine.length)
        : { kind: "categorical", count: 0, missing: 0, codes: new Array<number>(f.size).fill(0), other: {} },
    ),
    scores: {},
  };
}

export { binIndex };

function addNumeric(p: NumericPartial, coarse: Float64Array, fine: Float64Array, value: FeatureValue): void {
  p.count++;
  if (value === null || Number.isNaN(value)) {
    p.missing++;
    return;
  }
  const d = value - p.shift;
  p.sum += d;
  p.sumSquares += d * d;
  if (p.min === null || value < p.min) p.min = value;
  if (p.max === null || value > p.max) p.max = value;
  p.coarse[binIndex(coarse, value)]!++;
  if (p.fine.length > 0) p.fine[binIndex(fine, value)]!++;
}

function addCategorical(p: CategoricalPartial, value: FeatureValue): void {
  p.count++;
  if (value === null || Number.isNaN(value)) {
    p.missing++;
    return;
  }
  if (Number.isInteger(value) && value >= 0 && value < p.codes.length) p.codes[value]!++;
  else {
    const key = String(value);
    p.other[key] = (p.other[key] ?? 0) + 1;
  }
}

/** Adds one row (its features and the score its variant answered) on the bins of `plan`. */
export function addRow(
  partial: DriftPartial,
  plan: BinningPlan,
  variant: string,
  row: readonly FeatureValue[],
  score: number | undefined,
): void {
  const version = (partial.versions[plan.version] ??= versionPartial(plan));
  partial.records++;
  version.records++;
  for (let i = 0; i < plan.features.length; i++) {
    const f = plan.features[i]!;
    const p = version.features[i]!;
    const value = row[i] ?? null;
    if (f.kind === "numeric") addNumeric(p as NumericPartial, f.coarse, f.fine, value);
    else addCategorical(p as CategoricalPartial, value);
  }
  if (score !== undefined) {
    const s = (version.scores[variant] ??= numericPartial(plan.score.base, plan.score.coarse.length, plan.score.fine.length));
    addNumeric(s, plan.score.coarse, plan.score.fine, score);
  }
}

function addArrays(a: number[], b: readonly number[]): number[] {
  if (a.length !== b.length) throw new Error("partials on different bins cannot merge");
  for (let i = 0; i < a.length; i++) a[i]! += b[i]!;
  return a;
}

const minOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
const maxOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

function mergeNumeric(a: NumericPartial, b: NumericPartial): NumericPartial {
  if (a.shift !== b.shift) throw new Error("partials on different baselines cannot merge");
  return {
    kind: "numeric",
    count: a.count + b.count,
    missing: a.missing + b.missing,
    shift: a.shift,
    sum: a.sum + b.sum,
    sumSquares: a.sumSquares + b.sumSquares,
    min: minOf(a.min, b.min),
    max: maxOf(a.max, b.max),
    coarse: addArrays([...a.coarse], b.coarse),
    fine: addArrays([...a.fine], b.fine),
  };
}

function mergeFeature(a: FeaturePartial, b: FeaturePartial): FeaturePartial {
  if (a.kind === "numeric" && b.kind === "numeric") return mergeNumeric(a, b);
  if (a.kind === "categorical" && b.kind === "categorical") {
    const other = { ...a.other };
    for (const [k, v] of Object.entries(b.other)) other[k] = (other[k] ?? 0) + v;
    return {
      kind: "categorical",
      count: a.count + b.count,
      missing: a.missing + b.missing,
      codes: addArrays([...a.codes], b.codes),
      other,
    };
  }
  throw new Error("partials of different feature kinds cannot merge");
}

function mergeVersion(a: VersionPartial, b: VersionPartial): VersionPartial {
  const scores = { ...a.scores };
  for (const [variant, s] of Object.entries(b.scores)) scores[variant] = scores[variant] ? mergeNumeric(scores[variant], s) : s;
  return { records: a.records + b.records, features: a.features.map((f, i) => mergeFeature(f, b.features[i]!)), scores };
}

/** Adds two partials: associative and commutative, so objects and hours may be reduced in any order. */
export function mergePartials(a: DriftPartial, b: DriftPartial): DriftPartial {
  const versions = { ...a.versions };
  for (const [v, p] of Object.entries(b.versions)) versions[v] = versions[v] ? mergeVersion(versions[v], p) : p;
  return {
    format: a.format,
    records: a.records + b.records,
    invalid: a.invalid + b.invalid,
    unattributed: a.unattributed + b.unattributed,
    explained: a.explained + b.explained,
    versions,
  };
}
