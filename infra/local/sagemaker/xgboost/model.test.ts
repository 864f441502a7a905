import { describe, expect, it } from "vitest";
import { parseXgboostModel, predictBatch, shapBatch, XgboostModelError } from "./index";
import { modelJson, type TestNode } from "./test-model-json";

const logit = (p: number) => Math.log(p / (1 - p));
const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);

// x0 < 0.5 ? (x1 < 2 ? 1 : -1) : 3, with covers 10 = (6 = 4 + 2) + 4; missing x0 goes right.
const SMALL_TREE: TestNode[] = [
  { feature: 0, condition: 0.5, left: 1, right: 2, cover: 10 },
  { feature: 1, condition: 2, left: 3, right: 4, defaultLeft: true, cover: 6 },
  { condition: 3, cover: 4 },
  { condition: 1, cover: 4 },
  { condition: -1, cover: 2 },
];

describe("parseXgboostModel: evaluation", () => {
  it("handles a single-leaf tree: margin = logit(base_score) + leaf, zero SHAP, bias = margin", () => {
    const model = parseXgboostModel(modelJson({ trees: [[{ condition: 0.25, cover: 7 }]], numFeature: 3, baseScore: 0.2 }));
    const margin = Math.fround(Math.fround(logit(0.2)) + 0.25);
    expect(model.predictMargin([1, 2, 3])).toBeCloseTo(margin, 6);
    expect(model.predict([1, 2, 3])).toBeCloseTo(1 / (1 + Math.exp(-margin)), 6);
    expect(Array.from(model.shap([1, NaN, 3]))).toEqual([0, 0, 0]);
    expect(model.expectedValue).toBeCloseTo(margin, 6);
  });

  it("sends an all-missing row down the default directions", () => {
    const model = parseXgboostModel(modelJson({ trees: [SMALL_TREE], numFeature: 2 }));
    expect(model.predictMargin([NaN, NaN])).toBe(3);
    const phi = model.shap([NaN, NaN]);
    expect(sum(phi) + model.expectedValue).toBeCloseTo(3, 12);
  });

  it("matches hand-computed SHAP values for a small tree", () => {
    const model = parseXgboostModel(modelJson({ trees: [SMALL_TREE], numFeature: 2 }));
    // E[f] = (4*1 + 2*(-1) + 4*3) / 10 = 1.4. For x = (0, 0): f = 1.
    // v({}) = 1.4, v({0}) = (4*1 + 2*(-1)) / 6 = 1/3, v({1}) = 0.6*1 + 0.4*3 = 1.8, v({0,1}) = 1.
    expect(model.expectedValue).toBeCloseTo(1.4, 12);
    const phi = model.shap([0, 0]);
    expect(phi[0]).toBeCloseTo(0.5 * (1 / 3 - 1.4) + 0.5 * (1 - 1.8), 12);
    expect(phi[1]).toBeCloseTo(0.5 * (1.8 - 1.4) + 0.5 * (1 - 1 / 3), 12);
  });

  it("compares in float32: a value that rounds up to the split condition goes right", () => {
    const condition = Math.fround(0.1);
    const tree: TestNode[] = [
      { feature: 0, condition, left: 1, right: 2, cover: 2 },
      { condition: -1, cover: 1 },
      { condition: 1, cover: 1 },
    ];
    const model = parseXgboostModel(modelJson({ trees: [tree], numFeature: 1 }));
    const justBelow = condition - 1e-12; // below in float64, equal once rounded to float32
    expect(justBelow < condition).toBe(true);
    expect(model.predictMargin([justBelow])).toBe(1);
    expect(model.predictMargin([Math.fround(0.0999999)])).toBe(-1);
  });

  it("uses the raw base_score for binary:logitraw and returns margins from predict", () => {
    const model = parseXgboostModel(modelJson({ trees: [SMALL_TREE], numFeature: 2, baseScore: 0.3, objective: "binary:logitraw" }));
    expect(model.predict([0, 0])).toBeCloseTo(1.3, 6);
  });

  it("batch helpers agree with per-row calls", () => {
    const model = parseXgboostModel(modelJson({ trees: [SMALL_TREE, SMALL_TREE], numFeature: 2 }));
    const rows = new Float32Array([0, 0, 1, 5, NaN, 3]);
    expect(Array.from(predictBatch(model, rows, 3))).toEqual([0, 1, 2].map((r) => model.predict(rows.subarray(r * 2, r * 2 + 2))));
    expect(Array.from(shapBatch(model, rows, 3).subarray(4, 6))).toEqual(Array.from(model.shap([NaN, 3])));
  });

  it("rejects rows of the wrong length", () => {
    const model = parseXgboostModel(modelJson({ trees: [SMALL_TREE], numFeature: 2 }));
    expect(() => model.predict([1])).toThrow(/1 values but the model expects 2 features/);
  });
});

describe("parseXgboostModel: refusals", () => {
  const valid = { trees: [SMALL_TREE], numFeature: 2 };
  const cases: Array<[string, string | Uint8Array, "invalid" | "unsupported", RegExp]> = [
    ["truncated JSON", modelJson(valid).slice(0, 50), "invalid", /malformed JSON/],
    ["a JSON array", "[1, 2]", "unsupported", /not a JSON document/],
    ["legacy binary", new Uint8Array([0x62, 0x69, 0x6e, 0x66, 0xff, 0xfe]), "unsupported", /not UTF-8|not a JSON/],
    ["UBJSON", "{L\u0000\u0000\u0000\u0007learner", "unsupported", /UBJSON/],
    ["missing learner", "{}", "invalid", /at learner/],
    ["dart booster", modelJson({ ...valid, booster: "dart" }), "unsupported", /booster "dart"/],
    ["gblinear booster", modelJson({ ...valid, booster: "gblinear" }), "unsupported", /booster "gblinear"/],
    ["multi-class", modelJson({ ...valid, numClass: 3, objective: "multi:softprob" }), "unsupported", /objective "multi:softprob"/],
    ["num_class > 1", modelJson({ ...valid, numClass: 3 }), "unsupported", /multi-class/],
    ["regression objective", modelJson({ ...valid, objective: "reg:squarederror" }), "unsupported", /reg:squarederror/],
    [
      "child out of range",
      modelJson({ ...valid, trees: [[{ ...SMALL_TREE[0]!, right: 9 }, ...SMALL_TREE.slice(1)]] }),
      "invalid",
      /out of range/,
    ],
    ["a cycle", modelJson({ ...valid, trees: [[{ ...SMALL_TREE[0]!, right: 0 }, ...SMALL_TREE.slice(1)]] }), "invalid", /reached twice/],
    ["feature beyond num_feature", modelJson({ ...valid, numFeature: 1 }), "invalid", /feature 1 >= num_feature 1/],
    ["feature_names count", modelJson({ ...valid, featureNames: ["a"] }), "invalid", /1 feature_names/],
    ["base_score 0", modelJson({ ...valid, baseScore: 0 }), "invalid", /base_score/],
  ];

  it.each(cases)("refuses %s", (_, input, reason, message) => {
    const attempt = () => parseXgboostModel(input);
    expect(attempt).toThrow(XgboostModelError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as XgboostModelError).reason).toBe(reason);
    }
  });

  it("refuses categorical splits, which XGBoost writes with a NaN condition", () => {
    const json = modelJson({ trees: [SMALL_TREE], numFeature: 2 })
      .replace('"split_type":[0,0,0,0,0]', '"split_type":[1,0,0,0,0]')
      .replace('"split_conditions":[0.5,', '"split_conditions":[NaN,');
    expect(json).toContain("NaN");
    expect(() => parseXgboostModel(json)).toThrow(/categorical splits/);
  });
});
