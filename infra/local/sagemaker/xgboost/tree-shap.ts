import type { Forest } from "./forest";

/**
 * Exact path-dependent TreeSHAP (Lundberg, Erion & Lee 2018, "Consistent Individualized Feature
 * Attribution for Tree Ensembles", Algorithm 2), following XGBoost's RegTree::TreeShap with
 * condition = 0 so results match `predict(pred_contribs=True)`.
 *
 * The "unique path" of each recursion level lives in four flat typed arrays at a per-level offset
 * (the C++ code's `parent_unique_path + unique_depth + 1`), allocated once per model: the recursion
 * allocates nothing. One instance is not re-entrant, which is fine on Node's single thread.
 */
export class TreeShap {
  private readonly forest: Forest;
  private readonly pathFeature: Int32Array;
  private readonly pathZero: Float64Array;
  private readonly pathOne: Float64Array;
  private readonly pathWeight: Float64Array;
  // Monomorphic fields (always typed arrays) keep V8's property access fast.
  private row: Float32Array = new Float32Array(0);
  private phi: Float64Array = new Float64Array(0);
  // Scratch factors of addLeaf, sized for the deepest leaf.
  private readonly up: Float64Array;
  private readonly down: Float64Array;

  constructor(forest: Forest) {
    this.forest = forest;
    const levels = forest.maxDepth + 2;
    const size = (levels * (levels + 1)) / 2 + 1;
    this.pathFeature = new Int32Array(size);
    this.pathZero = new Float64Array(size);
    this.pathOne = new Float64Array(size);
    this.pathWeight = new Float64Array(size);
    this.up = new Float64Array(levels);
    this.down = new Float64Array(levels);
  }

  /** Adds each feature's SHAP value for `row` (float32 values, NaN = missing) into `phi`. */
  accumulate(row: Float32Array, phi: Float64Array): void {
    this.row = row;
    this.phi = phi;
    const { roots, numTrees } = this.forest;
    for (let t = 0; t < numTrees; t++) this.recurse(roots[t] as number, 0, 0, 1, 1, -1);
  }

  private recurse(
    node: number,
    depth: number,
    parentOffset: number,
    zeroFraction: number,
    oneFraction: number,
    parentFeature: number,
  ): void {
    const f = this.forest;
    const offset = parentOffset + depth + 1;
    this.copyPath(parentOffset, offset, depth);
    this.extend(offset, depth, zeroFraction, oneFraction, parentFeature);

    const left = f.left[node] as number;
    if (left < 0) {
      this.addLeaf(offset, depth, f.value[node] as number);
      return;
    }
    const right = f.right[node] as number;
    const split = f.feature[node] as number;
    const x = this.row[split] as number;
    const hot = x !== x ? (f.missing[node] as number) : x < (f.value[node] as number) ? left : right;
    const cold = hot === left ? right : left;
    const cover = f.cover[node] as number;
    const hotZero = (f.cover[hot] as number) / cover;
    const coldZero = (f.cover[cold] as number) / cover;

    // A feature already on the path is unwound and re-extended with the combined fractions.
    let incomingZero = 1;
    let incomingOne = 1;
    let d = depth;
    const at = this.findFeature(offset, depth, split);
    if (at >= 0) {
      incomingZero = this.pathZero[offset + at] as number;
      incomingOne = this.pathOne[offset + at] as number;
      this.unwind(offset, depth, at);
      d -= 1;
    }
    this.recurse(hot, d + 1, offset, hotZero * incomingZero, incomingOne, split);
    this.recurse(cold, d + 1, offset, coldZero * incomingZero, 0, split);
  }

  private copyPath(from: number, to: number, count: number): void {
    // A plain loop beats four copyWithin calls for the handful of elements copied per node.
    const { pathFeature, pathZero, pathOne, pathWeight } = this;
    for (let i = 0; i < count; i++) {
      pathFeature[to + i] = pathFeature[from + i] as number;
      pathZero[to + i] = pathZero[from + i] as number;
      pathOne[to + i] = pathOne[from + i] as number;
      pathWeight[to + i] = pathWeight[from + i] as number;
    }
  }

  private findFeature(offset: number, depth: number, feature: number): number {
    const pf = this.pathFeature;
    for (let i = 0; i <= depth; i++) if (pf[offset + i] === feature) return i;
    return -1;
  }

  /**
   * Credits a leaf to every feature on the path: XGBoost's UnwoundPathSum per element, fused.
   * One fractions are always exactly 0 or 1 (the root extends with 1, a cold child with 0, and a
   * repeated feature re-extends with its previous value). Every element with 0 shares one sum
   * (divided by its zero fraction), so only the elements the row follows need an O(depth) pass.
   */
  private addLeaf(offset: number, depth: number, leafValue: number): void {
    const { pathFeature, pathZero, pathOne, pathWeight: w, phi, up, down } = this;
    const n = depth + 1;
    // Per-leaf factors hoisted out of the O(depth^2) loop, which then has no division.
    let coldSum = 0;
    for (let i = 0; i < depth; i++) {
      up[i] = n / (i + 1);
      down[i] = (depth - i) / n;
      coldSum += (w[offset + i] as number) / (down[i] as number);
    }
    const last = w[offset + depth] as number;
    for (let at = 1; at <= depth; at++) {
      const k = offset + at;
      const one = pathOne[k] as number;
      const zero = pathZero[k] as number;
      let total = 0;
      if (one !== 0) {
        // one === 1 here, so XGBoost's division by it is dropped.
        let next = last;
        for (let i = depth - 1; i >= 0; i--) {
          const tmp = next * (up[i] as number);
          total += tmp;
          next = (w[offset + i] as number) - tmp * zero * (down[i] as number);
        }
      } else if (zero !== 0) {
        total = coldSum / zero;
      }
      const feature = pathFeature[k] as number;
      phi[feature] = (phi[feature] as number) + total * (one - zero) * leafValue;
    }
  }

  private extend(offset: number, depth: number, zero: number, one: number, feature: number): void {
    const w = this.pathWeight;
    const k = offset + depth;
    this.pathFeature[k] = feature;
    this.pathZero[k] = zero;
    this.pathOne[k] = one;
    w[k] = depth === 0 ? 1 : 0;
    const inverse = 1 / (depth + 1);
    for (let i = depth - 1; i >= 0; i--) {
      const wi = w[offset + i] as number;
      w[offset + i + 1] = (w[offset + i + 1] as number) + one * wi * (i + 1) * inverse;
      w[offset + i] = zero * wi * (depth - i) * inverse;
    }
  }

  private unwind(offset: number, depth: number, at: number): void {
    const { pathFeature, pathZero, pathOne, pathWeight: w } = this;
    const one = pathOne[offset + at] as number;
    const zero = pathZero[offset + at] as number;
    const n = depth + 1;
    let next = w[offset + depth] as number;
    for (let i = depth - 1; i >= 0; i--) {
      const k = offset + i;
      if (one !== 0) {
        const tmp = w[k] as number;
        const unwound = (next * n) / ((i + 1) * one);
        w[k] = unwound;
        next = tmp - (unwound * zero * (depth - i)) / n;
      } else {
        w[k] = ((w[k] as number) * n) / (zero * (depth - i));
      }
    }
    for (let i = offset + at; i < offset + depth; i++) {
      pathFeature[i] = pathFeature[i + 1] as number;
      pathZero[i] = pathZero[i + 1] as number;
      pathOne[i] = pathOne[i + 1] as number;
    }
  }
}
