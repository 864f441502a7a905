import { describe, expect, it } from "vitest";
import { ComparisonAccumulator, type ComparedRow } from "./comparison";

const thresholds = { review: 0.5, suspicious: 0.9 };

function compare(rows: ComparedRow[]) {
  const acc = new ComparisonAccumulator(thresholds);
  for (const row of rows) acc.add(row);
  return acc.result();
}

describe("ComparisonAccumulator", () => {
  it("counts the decision matrix at the tenant's thresholds, inclusive as scoring decides", () => {
    const result = compare([
      { productionScore: 0.1, candidateScore: 0.2 }, // LEGIT → LEGIT
      { productionScore: 0.5, candidateScore: 0.49 }, // REVIEW → LEGIT
      { productionScore: 0.95, candidateScore: 0.9 }, // SUSPICIOUS → SUSPICIOUS
      { productionScore: 0.3, candidateScore: 0.95 }, // LEGIT → SUSPICIOUS
    ]);
    expect(result.transactions).toBe(4);
    expect(result.matrix).toEqual({
      LEGIT: { LEGIT: 1, REVIEW: 0, SUSPICIOUS: 1 },
      REVIEW: { LEGIT: 1, REVIEW: 0, SUSPICIOUS: 0 },
      SUSPICIOUS: { LEGIT: 0, REVIEW: 0, SUSPICIOUS: 1 },
    });
    expect(result.changed).toBe(2);
    expect(result.changedShare).toBe(0.5);
  });

  it("gives the Pearson correlation of the scores (hand-computed) and null when it is undefined", () => {
    // x = 0.1, 0.2, 0.3; y = 0.3, 0.1, 0.2 → cov = -0.005 / 2, var x = var y = 0.01 / 2 → r = -0.5
    const r = compare([
      { productionScore: 0.1, candidateScore: 0.3 },
      { productionScore: 0.2, candidateScore: 0.1 },
      { productionScore: 0.3, candidateScore: 0.2 },
    ]).scoreCorrelation;
    expect(r).toBeCloseTo(-0.5, 12);
    expect(compare([{ productionScore: 0.1, candidateScore: 0.1 }]).scoreCorrelation).toBeNull();
    expect(
      compare([
        { productionScore: 0.2, candidateScore: 0.1 },
        { productionScore: 0.2, candidateScore: 0.4 },
      ]).scoreCorrelation,
    ).toBeNull();
    expect(compare([]).changedShare).toBeNull();
  });

  it("scores precision and recall of each model on verdicts, and counts the verdicts still missing", () => {
    const result = compare([
      { productionScore: 0.6, candidateScore: 0.7, label: "fraud" }, // both TP
      { productionScore: 0.6, candidateScore: 0.2, label: "legit" }, // prod FP, cand TN
      { productionScore: 0.95, candidateScore: 0.3, label: "fraud" }, // prod TP, cand FN
      { productionScore: 0.2, candidateScore: 0.8, label: "fraud" }, // prod FN (a rule queued it), cand TP
      { productionScore: 0.7, candidateScore: 0.7 }, // flagged by production, verdict pending
      { productionScore: 0.1, candidateScore: 0.6 }, // flagged by the candidate only: no verdict can exist
      { productionScore: 0.1, candidateScore: 0.1 }, // neither flags: nothing missing
    ]);
    expect(result.verdicts).toEqual({
      labelled: 4,
      fraud: 3,
      missingForProductionFlags: 1,
      missingForCandidateOnlyFlags: 1,
      production: { truePositives: 2, falsePositives: 1, falseNegatives: 1, precision: 2 / 3, recall: 2 / 3 },
      candidate: { truePositives: 2, falsePositives: 0, falseNegatives: 1, precision: 1, recall: 2 / 3 },
    });
  });

  it("leaves precision and recall null rather than zero when there is nothing to divide", () => {
    const result = compare([{ productionScore: 0.1, candidateScore: 0.1, label: "legit" }]);
    expect(result.verdicts.production).toMatchObject({ precision: null, recall: null });
  });
});

describe("unmatched rows", () => {
  it("are counted apart, never in the matrix", () => {
    const acc = new ComparisonAccumulator(thresholds);
    acc.addUnmatched("production", 3);
    acc.addUnmatched("candidate", 1);
    expect(acc.result()).toMatchObject({ transactions: 0, unmatched: { production: 3, candidate: 1 }, changed: 0 });
  });
});
