import { describe, expect, it } from "vitest";
import { aggregateExplanations, type FlaggedSample } from "./aggregate";

const model = (version: string) => ({ endpoint: "e", variant: "production", version });

describe("aggregateExplanations", () => {
  it("averages |SHAP| per feature and version, and derives precision from verdicts", () => {
    const samples: FlaggedSample[] = [
      {
        status: "confirmed_fraud",
        model: model("2"),
        attributions: [
          { feature: "amount", attribution: 2 },
          { feature: "geo", attribution: -1 },
        ],
      },
      {
        status: "false_positive",
        model: model("2"),
        attributions: [
          { feature: "amount", attribution: -1 },
          { feature: "geo", attribution: 0 },
        ],
      },
      { status: "confirmed_fraud", model: model("2"), attributions: null },
      { status: "open", model: model("3"), attributions: [{ feature: "geo", attribution: 0.5 }] },
      { status: "confirmed_fraud", model: null, attributions: null },
    ];
    const [v3, v2, rules] = aggregateExplanations(samples);
    expect(v3).toMatchObject({ modelVersion: "3", flagged: 1, explained: 1, precision: null });
    expect(v2).toMatchObject({ modelVersion: "2", flagged: 3, explained: 2, confirmedFraud: 2, falsePositive: 1 });
    expect(v2?.precision).toBeCloseTo(2 / 3);
    expect(v2?.importance.slice(0, 2)).toEqual([
      { feature: "amount", label: "Amount", meanAbsShap: 1.5 },
      { feature: "geo", label: "Location vs home country", meanAbsShap: 0.5 },
    ]);
    expect(rules).toMatchObject({ modelVersion: "rules", importance: [], precision: 1 });
  });
});
