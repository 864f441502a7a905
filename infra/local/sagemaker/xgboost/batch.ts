import { transformMargin } from "./objective";
import { marginsOf } from "./predict";
import { ForestModel, type XgboostModel } from "./xgboost-model";

/**
 * Batch helpers over row-major float32 matrices (`rows[r * numFeatures + j]`, NaN = missing),
 * the layout a CSV payload parses into. Float32 input needs no per-value rounding, and results go
 * into one preallocated array. `rows` may be longer than nRows * numFeatures (a reused buffer).
 * Any XgboostModel works (e.g. a test double); ours takes the fast path.
 */
export function predictBatch(model: XgboostModel, rows: Float32Array, nRows: number): Float64Array {
  if (model instanceof ForestModel) {
    const out = predictMarginBatch(model, rows, nRows);
    for (let r = 0; r < nRows; r++) out[r] = transformMargin(model.objective, out[r] as number);
    return out;
  }
  const out = new Float64Array(nRows);
  forEachRow(model, rows, nRows, (row, r) => (out[r] = model.predict(row)));
  return out;
}

export function predictMarginBatch(model: XgboostModel, rows: Float32Array, nRows: number): Float64Array {
  const out = new Float64Array(nRows);
  if (model instanceof ForestModel) {
    checkMatrix(model, rows, nRows);
    marginsOf(model.forest, model.baseMargin, rows, model.numFeatures, nRows, out);
  } else {
    forEachRow(model, rows, nRows, (row, r) => (out[r] = model.predictMargin(row)));
  }
  return out;
}

/** SHAP values, row-major (`out[r * numFeatures + j]`), without the bias (model.expectedValue). */
export function shapBatch(model: XgboostModel, rows: Float32Array, nRows: number): Float64Array {
  const n = model.numFeatures;
  const out = new Float64Array(nRows * n);
  forEachRow(model, rows, nRows, (row, r) => {
    if (model instanceof ForestModel) model.shapInto(row, out.subarray(r * n, (r + 1) * n));
    else out.set(model.shap(row), r * n);
  });
  return out;
}

function checkMatrix(model: XgboostModel, rows: Float32Array, nRows: number): void {
  if (!Number.isInteger(nRows) || nRows < 0 || rows.length < nRows * model.numFeatures) {
    throw new RangeError(`${nRows} rows of ${model.numFeatures} features need ${nRows * model.numFeatures} values; got ${rows.length}`);
  }
}

function forEachRow(model: XgboostModel, rows: Float32Array, nRows: number, visit: (row: Float32Array, r: number) => void): void {
  const n = model.numFeatures;
  checkMatrix(model, rows, nRows);
  for (let r = 0; r < nRows; r++) visit(rows.subarray(r * n, (r + 1) * n), r);
}
