import { FEATURES } from "@/lib/features/schema";
import type { BaselineFeature, NumericBaseline } from "./baseline";
import type { BinningPlan } from "./partial";
import type { CategoricalPartial, NumericPartial, VersionPartial } from "./partial";
import { chiSquare, jensenShannon, ks, meanShift, psi, wasserstein } from "./statistics";

/** Baseline and current share of a feature's missing values; change = current − baseline. */
export interface MissingRate {
  baseline: number;
  current: number;
  change: number;
}

interface CommonFigures {
  feature: string;
  /** Rows compared (missing included), and the model version whose training baseline they are compared to. */
  records: number;
  baselineVersion: string;
  psi: number;
  meanShift: number | null;
  mean: { baseline: number | null; current: number | null };
  missingRate: MissingRate;
}

export interface NumericFigures extends CommonFigures {
  type: "numeric";
  ks: number | null;
  /** 0 ≤ KS on the raw values − ks ≤ ksBound (statistics.ts). */
  ksBound: number | null;
  /** Normalised Wasserstein-1: W1 / baseline standard deviation. */
  wasserstein: number | null;
  /** |normalised W1 on the raw values − wasserstein| ≤ wassersteinBound. */
  wassersteinBound: number | null;
  std: { baseline: number | null; current: number | null };
  range: { min: number | null; max: number | null };
  /** On the baseline's (decile) bins, fractions of present values; missing apart. */
  histogram: { edges: number[]; baseline: number[]; current: number[] };
}

export interface CategoricalFigures extends CommonFigures {
  type: "categorical" | "boolean";
  js: number | null;
  chiSquare: number | null;
  /** Share of present values whose category the training data never held; left out of psi, js and χ². */
  unseenShare: number;
  /** Per category: its counts in training and now; unseen ones flagged. */
  histogram: { categories: Array<{ code: string; label: string; baseline: number; current: number; unseen: boolean }> };
}

export type FeatureFigures = NumericFigures | CategoricalFigures;

export interface ScoreFigures {
  variant: string;
  records: number;
  baselineVersion: string;
  psi: number;
  ks: number | null;
  ksBound: number | null;
  wasserstein: number | null;
  wassersteinBound: number | null;
  meanShift: number | null;
  mean: { baseline: number | null; current: number | null };
  histogram: { edges: number[]; baseline: number[]; current: number[] };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const fractions = (xs: readonly number[]) => {
  const t = sum(xs);
  return xs.map((x) => (t === 0 ? 0 : x / t));
};

function missingRate(baseMissing: number, baseCount: number, p: { missing: number; count: number }): MissingRate {
  const baseline = baseCount === 0 ? 0 : baseMissing / baseCount;
  const current = p.count === 0 ? 0 : p.missing / p.count;
  return { baseline, current, change: current - baseline };
}

function liveMoments(p: NumericPartial): { mean: number | null; std: number | null } {
  const n = p.count - p.missing;
  if (n === 0) return { mean: null, std: null };
  const m = p.sum / n;
  return { mean: p.shift + m, std: Math.sqrt(Math.max(0, p.sumSquares / n - m * m)) };
}

/** The figures of a numeric distribution (a feature or the score) against its baseline. */
function numericFigures(base: NumericBaseline, p: NumericPartial) {
  const live = liveMoments(p);
  const baseCoarse = [...base.coarse.counts, base.missing];
  const liveCoarse = [...p.coarse, p.missing];
  let ksFigure: { statistic: number; bound: number } | null = null;
  let w1: { distance: number; bound: number } | null = null;
  if (base.fine && p.fine.length > 0 && p.count - p.missing > 0 && base.count - base.missing > 0) {
    ksFigure = ks(base.fine.counts, p.fine);
    const lo = Math.min(base.min ?? Infinity, p.min ?? Infinity);
    const hi = Math.max(base.max ?? -Infinity, p.max ?? -Infinity);
    const raw = wasserstein(base.fine.edges, base.fine.counts, p.fine, lo, hi);
    if (base.std && base.std > 0) w1 = { distance: raw.distance / base.std, bound: raw.bound / base.std };
  }
  return {
    psi: psi(baseCoarse, liveCoarse),
    ks: ksFigure?.statistic ?? null,
    ksBound: ksFigure?.bound ?? null,
    wasserstein: w1?.distance ?? null,
    wassersteinBound: w1?.bound ?? null,
    meanShift: meanShift(base.mean, live.mean),
    mean: { baseline: base.mean, current: live.mean },
    std: { baseline: base.std, current: live.std },
    range: { min: p.min, max: p.max },
    histogram: { edges: [...base.coarse.edges], baseline: fractions(base.coarse.counts), current: fractions(p.coarse) },
  };
}

function categoricalFigures(base: BaselineFeature, p: CategoricalPartial, labels: readonly string[], isBoolean: boolean) {
  // The baseline histogram has one bin per code (edges at the half-integers).
  const baseCodes = base.histogram.counts;
  const seen = baseCodes.map((c) => c > 0);
  const liveSeen = p.codes.map((c, i) => (seen[i] ? c : 0));
  const baseSeen = baseCodes.map((c, i) => (i < p.codes.length ? c : 0));
  const unseenInVocabulary = p.codes.reduce((acc, c, i) => acc + (seen[i] ? 0 : c), 0);
  const unseen = unseenInVocabulary + sum(Object.values(p.other));
  const present = p.count - p.missing;
  // A mean is the share of `true` for a boolean; for category codes it means nothing.
  const liveMean = isBoolean && present - unseen > 0 ? liveSeen.reduce((acc, c, i) => acc + c * i, 0) / (present - unseen) : null;
  const categories = [
    ...labels.map((label, i) => ({
      code: String(i),
      label,
      baseline: baseCodes[i] ?? 0,
      current: p.codes[i] ?? 0,
      unseen: !seen[i] && (p.codes[i] ?? 0) > 0,
    })),
    ...Object.entries(p.other).map(([code, current]) => ({ code, label: `unknown code ${code}`, baseline: 0, current, unseen: true })),
  ];
  return {
    psi: psi([...baseSeen, base.missing], [...liveSeen, p.missing]),
    js: present - unseen > 0 ? jensenShannon(baseSeen, liveSeen) : null,
    chiSquare: present - unseen > 0 ? chiSquare(baseSeen, liveSeen) : null,
    unseenShare: present === 0 ? 0 : unseen / present,
    meanShift: isBoolean ? meanShift(base.mean ?? null, liveMean) : null,
    mean: { baseline: isBoolean ? (base.mean ?? null) : null, current: liveMean },
    histogram: { categories },
  };
}

/** Every feature's figures for the rows one model version served. */
export function featureFigures(plan: BinningPlan, partial: VersionPartial): FeatureFigures[] {
  return FEATURES.map((schema, i) => {
    const base = plan.baseline.features[i]!;
    const p = partial.features[i]!;
    const common = {
      feature: schema.name,
      records: p.count,
      baselineVersion: plan.version,
      missingRate: missingRate(base.missing, base.count, p),
    };
    const f = plan.features[i]!;
    if (f.kind === "numeric" && p.kind === "numeric") return { ...common, type: "numeric", ...numericFigures(f.base, p) };
    if (p.kind !== "categorical") throw new Error(`feature ${schema.name}: partial does not match the plan`);
    const labels = schema.type === "boolean" ? ["false", "true"] : (schema.categories ?? []);
    return {
      ...common,
      type: schema.type === "boolean" ? "boolean" : "categorical",
      ...categoricalFigures(base, p, labels, schema.type === "boolean"),
    };
  });
}

/** The score distribution of one variant against the serving version's training scores. */
export function scoreFigures(plan: BinningPlan, variant: string, p: NumericPartial): ScoreFigures {
  const { std: _std, range: _range, ...figures } = numericFigures(plan.score.base, p);
  return { variant, records: p.count, baselineVersion: plan.version, ...figures };
}
