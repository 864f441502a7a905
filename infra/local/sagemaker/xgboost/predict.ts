import type { Forest } from "./forest";

/**
 * Walks one tree for the row starting at `rows[rowStart]` and returns the leaf's slot. Values are
 * float32 (hence a Float32Array) so `x < condition` decides exactly like XGBoost's float
 * comparison; NaN = missing.
 */
export function leafOf(f: Forest, root: number, rows: Float32Array, rowStart: number): number {
  const { left, right, missing, feature, value } = f;
  let node = root;
  let l = left[node] as number;
  while (l >= 0) {
    const x = rows[rowStart + (feature[node] as number)] as number;
    // x !== x is the fastest NaN test; missing values follow the trained default direction.
    node = x !== x ? (missing[node] as number) : x < (value[node] as number) ? l : (right[node] as number);
    l = left[node] as number;
  }
  return node;
}

/**
 * Margins of `nRows` row-major rows into `out`, tree by tree over blocks of rows (like XGBoost's
 * CPU predictor) so each tree stays in cache while a block walks it. Same float32 summation order.
 */
export function marginsOf(f: Forest, base: number, rows: Float32Array, numFeatures: number, nRows: number, out: Float64Array): void {
  const { roots, value, numTrees } = f;
  for (let start = 0; start < nRows; start += BLOCK_ROWS) {
    const end = Math.min(nRows, start + BLOCK_ROWS);
    out.fill(base, start, end);
    for (let t = 0; t < numTrees; t++) {
      const root = roots[t] as number;
      for (let r = start; r < end; r++) {
        const leaf = leafOf(f, root, rows, r * numFeatures);
        out[r] = Math.fround((out[r] as number) + (value[leaf] as number));
      }
    }
  }
}

const BLOCK_ROWS = 64;

/**
 * Sum of leaf values plus the base margin, accumulated in float32 in tree order exactly as
 * XGBoost's CPU predictor does, so margins match XGBoost bit for bit.
 */
export function marginOf(f: Forest, base: number, row: Float32Array): number {
  const { roots, value, numTrees } = f;
  let margin = base;
  for (let t = 0; t < numTrees; t++) {
    margin = Math.fround(margin + (value[leafOf(f, roots[t] as number, row, 0)] as number));
  }
  return margin;
}
