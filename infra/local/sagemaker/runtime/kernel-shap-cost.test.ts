import { describe, expect, it } from "vitest";
import type { XgboostModel } from "../xgboost";
import { kernelShapSamples, scoreSyntheticDataset } from "./kernel-shap-cost";

/** A model that counts the rows scored through it (batch helpers call predict per row for a double). */
function countingModel(numFeatures: number) {
  const seen: number[][] = [];
  const model: XgboostModel = {
    numFeatures,
    featureNames: undefined,
    objective: "binary:logistic",
    expectedValue: 0,
    predict: (row) => (seen.push(Array.from(row)), 0.5),
    predictMargin: () => 0,
    shap: () => new Float64Array(numFeatures),
  };
  return { model, seen };
}

describe("Kernel SHAP's synthetic dataset (SageMaker developer guide, clarify-online-explainability-create-endpoint-synthetic)", () => {
  it.each([
    // The guide's own examples: 10 features → 1022 rows, 20 → 2088; ours has 14 → 2076.
    [10, undefined, 1022],
    [20, undefined, 2088],
    [14, undefined, 2076],
    [3, undefined, 6],
    [14, 100, 100],
    [3, 100, 6],
    [60, undefined, 2168],
  ])("%i features, NumberOfSamples %s → n_samples %i", (features, numberOfSamples, expected) => {
    expect(kernelShapSamples(features, numberOfSamples)).toBe(expected);
  });

  it("scores baseline size × n_samples rows, each mixing the record with one baseline row", async () => {
    const { model, seen } = countingModel(3);
    const record = new Float32Array([1, 2, 3]);
    const baseline = { rows: new Float32Array([10, 20, 30, 40, 50, 60]), count: 2 };
    const scored = await scoreSyntheticDataset({ model, record, baseline, samples: 6, seed: 7 });
    expect(scored).toBe(12);
    expect(seen).toHaveLength(12);
    seen.forEach((row, i) => {
      const base = i % 2 === 0 ? [10, 20, 30] : [40, 50, 60];
      row.forEach((value, j) => expect([record[j], base[j]]).toContain(value));
      // Never the record itself nor the baseline row itself: Kernel SHAP drops both coalitions.
      expect(row).not.toEqual(Array.from(record));
      expect(row).not.toEqual(base);
    });
  });

  it("yields to the event loop between slices, so other requests are served meanwhile", async () => {
    const { model, seen } = countingModel(14);
    const baseline = { rows: new Float32Array(14 * 4), count: 4 };
    const work = scoreSyntheticDataset({ model, record: new Float32Array(14).fill(1), baseline, samples: 2076, seed: 1 });
    let rowsWhenOtherWorkRan = -1;
    setImmediate(() => (rowsWhenOtherWorkRan = seen.length));
    expect(await work).toBe(4 * 2076);
    expect(rowsWhenOtherWorkRan).toBeGreaterThan(0);
    expect(rowsWhenOtherWorkRan).toBeLessThan(4 * 2076);
  });
});
