import type { DriftResult } from "./drift-result";
import type { FeatureFigures, ScoreFigures } from "./figures";
import type { DriftHistogramBin } from "./drift-run";
import type { DriftJobFeature, DriftJobOutput, DriftJobScore } from "./drift-job-output";

/**
 * drift-core's DriftResult in the shape runAndRecordDrift judges and stores: histograms as
 * shares of all records on the baseline's bins, with the missing bin and the never-seen
 * categories shown apart.
 */
export function fromDriftResult(result: DriftResult): DriftJobOutput {
  return {
    records: result.records,
    baselineVersion: result.baselineVersion ?? "none",
    features: result.features.map(feature),
    score: Object.values(result.score).map(score),
  };
}

function feature(f: FeatureFigures): DriftJobFeature {
  const common = {
    feature: f.feature,
    records: f.records,
    psi: f.psi,
    meanShift: f.meanShift,
    missingRate: f.missingRate.current,
    baselineMissingRate: f.missingRate.baseline,
  };
  if (f.type === "numeric") {
    return {
      ...common,
      type: "numeric",
      ks: f.ks,
      wasserstein: f.wasserstein,
      bins: numericBins(f.histogram, f.missingRate),
    };
  }
  const baseTotal = f.histogram.categories.reduce((sum, c) => sum + c.baseline, 0);
  const liveTotal = f.histogram.categories.reduce((sum, c) => sum + c.current, 0);
  const present = (share: number) => 1 - share;
  const bins: DriftHistogramBin[] = f.histogram.categories
    .filter((c) => c.baseline > 0 || c.current > 0)
    .map((c) => ({
      label: c.unseen ? `${c.label} (never seen)` : c.label,
      kind: c.unseen ? "unseen" : "bin",
      baseline: baseTotal ? (c.baseline / baseTotal) * present(f.missingRate.baseline) : 0,
      current: liveTotal ? (c.current / liveTotal) * present(f.missingRate.current) : 0,
    }));
  return {
    ...common,
    type: f.type === "boolean" ? "boolean" : "categorical",
    js: f.js,
    chiSquare: f.chiSquare,
    unseenShare: f.unseenShare,
    bins: [...bins, missingBin(f.missingRate)],
  };
}

function score(s: ScoreFigures): DriftJobScore {
  return {
    variant: s.variant,
    modelVersion: s.baselineVersion,
    records: s.records,
    psi: s.psi,
    ks: s.ks,
    wasserstein: s.wasserstein,
    meanShift: s.meanShift,
    mean: s.mean.current,
    baselineMean: s.mean.baseline,
    bins: numericBins(s.histogram, { baseline: 0, current: 0 }),
  };
}

/** Fractions of present values on the baseline's edges, scaled to shares of all records, then the missing bin. */
function numericBins(
  histogram: { edges: readonly number[]; baseline: readonly number[]; current: readonly number[] },
  missing: { baseline: number; current: number },
): DriftHistogramBin[] {
  const { edges } = histogram;
  const label = (i: number) =>
    i === 0 ? `< ${short(edges[0]!)}` : i === edges.length ? `≥ ${short(edges[i - 1]!)}` : `${short(edges[i - 1]!)} – ${short(edges[i]!)}`;
  const bins: DriftHistogramBin[] = histogram.baseline.map((b, i) => ({
    label: label(i),
    kind: "bin",
    baseline: b * (1 - missing.baseline),
    current: (histogram.current[i] ?? 0) * (1 - missing.current),
  }));
  return missing.baseline > 0 || missing.current > 0 ? [...bins, missingBin(missing)] : bins;
}

function missingBin(missing: { baseline: number; current: number }): DriftHistogramBin {
  return { label: "missing", kind: "missing", baseline: missing.baseline, current: missing.current };
}

function short(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : Number(value.toPrecision(3)).toString();
}
