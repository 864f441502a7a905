import { invalidModel } from "./errors";
import type { Forest } from "./forest";
import { baseMargin, transformMargin, type SupportedObjective } from "./objective";
import { marginOf } from "./predict";
import { TreeShap } from "./tree-shap";

export interface XgboostModel {
  readonly numFeatures: number;
  readonly featureNames: readonly string[] | undefined; // learner.feature_names when present
  readonly objective: string; // e.g. "binary:logistic"
  /** Probability (sigmoid of the margin) for binary:logistic. Missing values are NaN. */
  predict(row: ArrayLike<number>): number;
  predictMargin(row: ArrayLike<number>): number;
  /** Exact path-dependent TreeSHAP (Lundberg et al.), log-odds, one value per feature, WITHOUT the bias. */
  shap(row: ArrayLike<number>): Float64Array;
  /** The bias column of XGBoost's pred_contribs (expected margin); shap(row) sums + bias = margin. */
  readonly expectedValue: number;
}

/** Our implementation; batch helpers (batch.ts) use its internals for speed. */
export class ForestModel implements XgboostModel {
  readonly numFeatures: number;
  readonly featureNames: readonly string[] | undefined;
  readonly objective: SupportedObjective;
  readonly expectedValue: number;
  readonly forest: Forest;
  readonly baseMargin: number;
  private readonly explainer: TreeShap;
  // Inputs are rounded to float32 into this buffer so comparisons match XGBoost's float compares.
  private readonly rowBuffer: Float32Array;

  constructor(options: {
    forest: Forest;
    numFeatures: number;
    featureNames: readonly string[] | undefined;
    objective: SupportedObjective;
    baseScore: number;
  }) {
    this.forest = options.forest;
    this.numFeatures = options.numFeatures;
    this.featureNames = options.featureNames;
    this.objective = options.objective;
    this.baseMargin = baseMargin(options.objective, options.baseScore);
    this.explainer = new TreeShap(options.forest);
    this.rowBuffer = new Float32Array(options.numFeatures);
    let expected = this.baseMargin;
    for (const root of options.forest.roots) expected += options.forest.meanValue[root] as number;
    this.expectedValue = expected;
  }

  predict(row: ArrayLike<number>): number {
    return transformMargin(this.objective, this.predictMargin(row));
  }

  predictMargin(row: ArrayLike<number>): number {
    return marginOf(this.forest, this.baseMargin, this.toFloat32(row));
  }

  shap(row: ArrayLike<number>): Float64Array {
    const phi = new Float64Array(this.numFeatures);
    this.explainer.accumulate(this.toFloat32(row), phi);
    return phi;
  }

  /** Adds the SHAP values of an already-float32 row into `phi` (used by the batch helpers). */
  shapInto(row: Float32Array, phi: Float64Array): void {
    this.explainer.accumulate(row, phi);
  }

  private toFloat32(row: ArrayLike<number>): Float32Array {
    checkRowLength(row.length, this.numFeatures);
    if (row instanceof Float32Array) return row;
    this.rowBuffer.set(row);
    return this.rowBuffer;
  }
}

export function checkRowLength(length: number, numFeatures: number): void {
  if (length !== numFeatures) {
    throw new RangeError(`Row has ${length} values but the model expects ${numFeatures} features`);
  }
}

export function assertFeatureNames(names: readonly string[] | undefined, numFeatures: number): void {
  if (names !== undefined && names.length !== 0 && names.length !== numFeatures) {
    throw invalidModel(`${names.length} feature_names for num_feature ${numFeatures}`);
  }
}
