/**
 * The drift statistics, on counts (../../../shared OPS.md "Drift statistics"; lib/drift/README.md).
 * Every function takes bin counts, so the figures are exact on their bins and the inputs merge by
 * adding: the job never holds a value, only counts.
 */

/** Evidently's floor for an empty bin's fraction in PSI. */
export const PSI_FLOOR = 0.0001;

function total(counts: readonly number[]): number {
  let sum = 0;
  for (const c of counts) sum += c;
  return sum;
}

/**
 * Population stability index Σ (a − e) · ln(a / e) over the bins, each fraction floored at 0.0001.
 * `expected` and `actual` are counts on the same bins (a missing bin included by the caller).
 */
export function psi(expected: readonly number[], actual: readonly number[]): number {
  const e = total(expected);
  const a = total(actual);
  if (e === 0 || a === 0) return 0;
  let sum = 0;
  for (let i = 0; i < expected.length; i++) {
    const pe = Math.max(PSI_FLOOR, expected[i]! / e);
    const pa = Math.max(PSI_FLOOR, (actual[i] ?? 0) / a);
    sum += (pa - pe) * Math.log(pa / pe);
  }
  return sum;
}

/**
 * Kolmogorov–Smirnov D = max |F − G| over the bin edges, from counts on the same bins. Exactly
 * scipy's ks_2samp statistic on samples whose values are the bin indices. Against the raw values,
 * 0 ≤ D_raw − D ≤ max over bins of max(p_i, q_i) (the larger bin mass): inside a bin both CDFs stay
 * between their values at its edges (ksBound).
 */
export function ks(p: readonly number[], q: readonly number[]): { statistic: number; bound: number } {
  const np = total(p);
  const nq = total(q);
  if (np === 0 || nq === 0) return { statistic: 0, bound: 1 };
  let cp = 0;
  let cq = 0;
  let d = 0;
  let bound = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]! / np;
    const qi = (q[i] ?? 0) / nq;
    cp += pi;
    cq += qi;
    d = Math.max(d, Math.abs(cp - cq));
    bound = Math.max(bound, pi, qi);
  }
  return { statistic: d, bound };
}

/**
 * The representative point of each bin: its midpoint, with the outer bins closed at `lo` and `hi`
 * (the smallest and largest value either distribution holds). Bin i spans [edges[i−1], edges[i]).
 */
export function binMidpoints(edges: readonly number[], lo: number, hi: number): number[] {
  const n = edges.length;
  const mids = new Array<number>(n + 1);
  for (let i = 0; i <= n; i++) {
    const left = i === 0 ? Math.min(lo, edges[0] ?? lo) : edges[i - 1]!;
    const right = i === n ? Math.max(hi, edges[n - 1] ?? hi) : edges[i]!;
    mids[i] = (left + right) / 2;
  }
  return mids;
}

/**
 * Wasserstein-1 between two binned distributions, each bin's mass at its midpoint: exactly scipy's
 * wasserstein_distance(mids, mids, p, q). Moving a value to its bin's midpoint moves it at most half
 * the bin's width w_i, so against the raw values |W1_raw − W1| ≤ Σ w_i (p_i + q_i) / 2 (bound).
 */
export function wasserstein(
  edges: readonly number[],
  p: readonly number[],
  q: readonly number[],
  lo: number,
  hi: number,
): { distance: number; bound: number } {
  const np = total(p);
  const nq = total(q);
  if (np === 0 || nq === 0) return { distance: 0, bound: Infinity };
  const mids = binMidpoints(edges, lo, hi);
  let cp = 0;
  let cq = 0;
  let distance = 0;
  let bound = 0;
  for (let i = 0; i < mids.length; i++) {
    const pi = p[i]! / np;
    const qi = (q[i] ?? 0) / nq;
    cp += pi;
    cq += qi;
    if (i + 1 < mids.length) distance += Math.abs(cp - cq) * (mids[i + 1]! - mids[i]!);
    const left = i === 0 ? Math.min(lo, edges[0] ?? lo) : edges[i - 1]!;
    const right = i === edges.length ? Math.max(hi, edges[edges.length - 1] ?? hi) : edges[i]!;
    bound += ((right - left) * (pi + qi)) / 2;
  }
  return { distance, bound };
}

/** Jensen–Shannon distance, base 2 (in [0, 1]): scipy.spatial.distance.jensenshannon(p, q, base=2). */
export function jensenShannon(p: readonly number[], q: readonly number[]): number {
  const np = total(p);
  const nq = total(q);
  if (np === 0 || nq === 0) return 0;
  let divergence = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]! / np;
    const qi = (q[i] ?? 0) / nq;
    const m = (pi + qi) / 2;
    if (pi > 0) divergence += pi * Math.log2(pi / m);
    if (qi > 0) divergence += qi * Math.log2(qi / m);
  }
  return Math.sqrt(Math.max(0, divergence / 2));
}

/**
 * Pearson's χ² of the observed counts against the expected distribution scaled to the observed
 * total: scipy.stats.chisquare(observed, expected). Bins the baseline never saw (expected 0) are
 * the caller's to leave out (reported as unseen).
 */
export function chiSquare(expected: readonly number[], observed: readonly number[]): number {
  const e = total(expected);
  const o = total(observed);
  if (e === 0 || o === 0) return 0;
  let sum = 0;
  for (let i = 0; i < expected.length; i++) {
    const exp = (expected[i]! / e) * o;
    if (exp > 0) sum += ((observed[i] ?? 0) - exp) ** 2 / exp;
  }
  return sum;
}

/** The seeds' |live mean − train mean| / |train mean|; null when the training mean is 0 or unknown. */
export function meanShift(baselineMean: number | null, currentMean: number | null): number | null {
  if (baselineMean === null || currentMean === null || baselineMean === 0) return null;
  return Math.abs(currentMean - baselineMean) / Math.abs(baselineMean);
}
