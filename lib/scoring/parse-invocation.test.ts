import { describe, expect, it } from "vitest";
import { InvocationParseError, logit, parseInvocation } from "./parse-invocation";

const clarify = {
  version: "1.0",
  predictions: { content_type: "text/csv; charset=utf-8", data: "0.93\n0.02\n" },
  explanations: {
    kernel_shap: [
      [
        { feature_header: "amount", attributions: [{ attribution: [1.84] }] },
        { feature_header: "is_rooted_device", attributions: [{ attribution: [0.77] }] },
      ],
      null,
    ],
  },
};

describe("parseInvocation", () => {
  it("reads plain CSV scores, one per line", () => {
    expect(parseInvocation("0.1\n0.95\n", "text/csv; charset=utf-8", 2)).toEqual([
      { score: 0.1, attributions: null, baseValue: null },
      { score: 0.95, attributions: null, baseValue: null },
    ]);
  });
  it("reads Clarify JSON: scores, attributions per record, null for unexplained records", () => {
    const [first, second] = parseInvocation(JSON.stringify(clarify), "application/json", 2);
    expect(first?.score).toBe(0.93);
    expect(first?.attributions).toEqual([
      { feature: "amount", attribution: 1.84 },
      { feature: "is_rooted_device", attribution: 0.77 },
    ]);
    expect(second).toEqual({ score: 0.02, attributions: null, baseValue: null });
  });
  it("derives the base value as logit(score) − Σ attributions", () => {
    const [first] = parseInvocation(JSON.stringify(clarify), "application/json", 2);
    expect(first?.baseValue).toBeCloseTo(Math.log(0.93 / 0.07) - (1.84 + 0.77), 12);
    expect((first?.baseValue ?? 0) + 1.84 + 0.77).toBeCloseTo(logit(0.93), 12);
  });
  it("accepts an empty explanations object (nothing explained)", () => {
    const body = JSON.stringify({ ...clarify, explanations: {} });
    expect(parseInvocation(body, "application/json", 2).map((r) => r.attributions)).toEqual([null, null]);
  });
  it.each([
    ["too few scores", "0.5\n", 2],
    ["a score that is not a number", "abc\n", 1],
    ["a score outside 0..1", "1.5\n", 1],
    ["broken JSON", "{not json", 1],
    ["JSON of another shape", JSON.stringify({ predictions: 3 }), 1],
  ])("refuses %s", (_name, body, expected) => {
    expect(() => parseInvocation(body, undefined, expected)).toThrow(InvocationParseError);
  });
  it("keeps logit finite at 0 and 1", () => {
    expect(Number.isFinite(logit(0))).toBe(true);
    expect(Number.isFinite(logit(1))).toBe(true);
  });
});
