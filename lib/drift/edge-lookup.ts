/** Number of edges ≤ value (numpy searchsorted side="right"): the bin index. */
export function binIndex(edges: Float64Array, value: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `binIndex(edges, value)` (the number of edges ≤ value) without a binary search over all the
 * edges: the drift job bins every numeric value of every row twice, on the baseline's fine edges
 * (≈ 1,000–4,000 of them) and on its coarse ones, and the full search was a third of the map step.
 *
 * A guide table splits [first edge, last edge] into cells of equal width and holds, for each cell
 * boundary, the bin index there; a value's cell gives a small range of candidate indices, which is
 * checked (edges[lo − 1] ≤ value and value < edges[hi]) before a binary search inside it. The
 * answer is binIndex's whatever the rounding of the cell arithmetic: a range that fails the check
 * (a value on a cell's rounded border) falls back to the full search. An integer value inside the
 * edges' span (up to 65,536 integers) is read from a table of binIndex at each integer.
 */
const MAX_INTEGERS = 1 << 16;

export class EdgeLookup {
  private readonly first: number;
  private readonly last: number;
  private readonly scale: number;
  private readonly cells: number;
  private readonly guide: Int32Array;
  /** The bin of each integer from `integerBase` on, when the edges span few enough (counts, days, hours). */
  private readonly integerBase: number;
  private readonly integers: Int32Array;

  constructor(
    readonly edges: Float64Array,
    cellsPerEdge = 4,
  ) {
    const n = edges.length;
    this.first = n > 0 ? edges[0]! : 0;
    this.last = n > 0 ? edges[n - 1]! : 0;
    const width = this.last - this.first;
    this.cells = n > 1 && width > 0 && Number.isFinite(width) ? n * cellsPerEdge : 0;
    this.scale = this.cells > 0 ? this.cells / width : 0;
    this.guide = new Int32Array(this.cells + 1);
    for (let c = 0; c <= this.cells; c++) this.guide[c] = binIndex(edges, this.first + (c * width) / this.cells);
    // Half the numeric features hold integers: one load answers them.
    this.integerBase = Math.ceil(this.first);
    const span = Math.floor(this.last) - this.integerBase + 1;
    this.integers = new Int32Array(this.cells > 0 && span > 0 && span <= MAX_INTEGERS ? span : 0);
    for (let k = 0; k < this.integers.length; k++) this.integers[k] = binIndex(edges, this.integerBase + k);
  }

  index(value: number): number {
    const edges = this.edges;
    const n = edges.length;
    // NaN and values below the first edge: no edge ≤ value (binIndex answers 0 for NaN too).
    if (!(value >= this.first)) return 0;
    if (value >= this.last) return n;
    if (this.cells === 0) return binIndex(edges, value);
    // An integer at or above first has k ≥ 0, exact (both integers).
    if ((value | 0) === value) {
      const k = value - this.integerBase;
      if (k < this.integers.length) return this.integers[k]!;
    }
    let c = ((value - this.first) * this.scale) | 0;
    if (c >= this.cells) c = this.cells - 1;
    let lo = this.guide[c]!;
    let hi = this.guide[c + 1]!;
    if ((lo > 0 && edges[lo - 1]! > value) || (hi < n && edges[hi]! <= value)) return binIndex(edges, value);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (edges[mid]! <= value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * When every coarse edge is also a fine edge (the baselines' fine edges include the decile edges,
 * infra/model/train/baseline.py), a value's coarse bin follows from its fine bin: with
 * fine[i − 1] ≤ value < fine[i], the coarse edges ≤ value are exactly those ≤ fine[i − 1]. The
 * table maps fine bin → coarse bin; null when some coarse edge is not a fine edge (search both).
 */
export function coarseOfFine(coarse: Float64Array, fine: Float64Array): Int32Array | null {
  if (fine.length === 0) return null;
  const fineValues = new Set(fine);
  if (!coarse.every((edge) => fineValues.has(edge))) return null;
  const table = new Int32Array(fine.length + 1);
  for (let i = 1; i <= fine.length; i++) table[i] = binIndex(coarse, fine[i - 1]!);
  return table;
}

/** A numeric feature's (or the score's) two sets of edges, ready for binning a value on both. */
export interface NumericBins {
  coarse: EdgeLookup;
  fine: EdgeLookup;
  /** fine bin → coarse bin, when the coarse edges are fine edges (coarseOfFine). */
  coarseOfFine: Int32Array | null;
}

export function numericBins(coarse: Float64Array, fine: Float64Array): NumericBins {
  return { coarse: new EdgeLookup(coarse), fine: new EdgeLookup(fine), coarseOfFine: coarseOfFine(coarse, fine) };
}
