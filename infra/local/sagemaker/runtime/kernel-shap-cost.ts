import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { mulberry32 } from "@/lib/random/mulberry32";
import { predictBatch, type XgboostModel } from "../xgboost";
import type { RecordBatch } from "./payload";

/**
 * What SageMaker Clarify's Kernel SHAP costs per explained record: it builds a synthetic dataset of
 * `baseline size × n_samples` rows (each a coalition of the record's values and a baseline row's)
 * and scores every row through the model container. SageMaker developer guide,
 * clarify-online-explainability-create-endpoint-synthetic:
 *   n_samples = MIN(NumberOfSamples, 2^n_features − 2), and without NumberOfSamples
 *   n_samples = MIN(2·n_features + 2^11, 2^n_features − 2).
 */
export function kernelShapSamples(numFeatures: number, numberOfSamples: number | undefined): number {
  const coalitions = numFeatures >= 52 ? Number.MAX_SAFE_INTEGER : 2 ** numFeatures - 2;
  return Math.max(0, Math.min(numberOfSamples ?? 2 * numFeatures + 2 ** 11, coalitions));
}

/** Rows scored between two yields: a few milliseconds of work, so other requests are served in between. */
const ROWS_PER_SLICE = 256;

/**
 * Scores the synthetic dataset of one record through the model, in slices that yield to the event
 * loop (AWS's explainer is a container of its own: an explanation in progress must not hold up plain
 * invocations on this or any other endpoint). Returns how many rows were scored. The predictions
 * are not used for the answer (the emulator returns exact TreeSHAP): this is the cost, paid for real.
 */
export async function scoreSyntheticDataset(options: {
  model: XgboostModel;
  record: Float32Array;
  baseline: RecordBatch;
  samples: number;
  seed: number;
}): Promise<number> {
  const { model, record, baseline, samples } = options;
  const width = model.numFeatures;
  const total = samples * baseline.count;
  if (total === 0 || width === 0) return 0;
  const random = mulberry32(options.seed);
  const mask = new Uint8Array(width);
  const slice = new Float32Array(ROWS_PER_SLICE * width);
  let filled = 0;
  let scored = 0;
  for (let s = 0; s < samples; s++) {
    drawCoalition(mask, random);
    for (let b = 0; b < baseline.count; b++) {
      const offset = filled * width;
      const base = b * width;
      for (let j = 0; j < width; j++) slice[offset + j] = mask[j] ? record[j]! : baseline.rows[base + j]!;
      if (++filled === ROWS_PER_SLICE) {
        predictBatch(model, slice, filled);
        scored += filled;
        filled = 0;
        await yieldToEventLoop();
      }
    }
  }
  if (filled > 0) {
    predictBatch(model, slice, filled);
    scored += filled;
  }
  return scored;
}

/** A coalition with at least one feature from the record and one from the baseline (Kernel SHAP drops the empty and full ones). */
function drawCoalition(mask: Uint8Array, random: () => number): void {
  let on = 0;
  for (let j = 0; j < mask.length; j++) on += mask[j] = random() < 0.5 ? 1 : 0;
  if (mask.length < 2) return;
  if (on === 0) mask[Math.floor(random() * mask.length)] = 1;
  else if (on === mask.length) mask[Math.floor(random() * mask.length)] = 0;
}
