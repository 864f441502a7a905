import { describe, expect, it } from "vitest";
import { FEATURES } from "@/lib/features/schema";
import { hasClause, joinClauses } from "./clauses";
import { summarizeFlag } from "./summarize";

const base = { score: 0.97, ruleHits: [], degraded: false };

describe("summarizeFlag", () => {
  it("names the strongest pushes towards fraud in words", () => {
    const text = summarizeFlag({
      ...base,
      attributions: [
        { feature: "amount_to_avg_ratio", attribution: 2.1 },
        { feature: "is_rooted_device", attribution: 1.4 },
        { feature: "is_new_device", attribution: 0.9 },
        { feature: "hour_of_day", attribution: 0.05 },
      ],
      features: { amount_to_avg_ratio: 14, is_rooted_device: 1, is_new_device: 1, hour_of_day: 14 },
    });
    expect(text).toBe(
      "Flagged mainly because the amount is 14× this customer's 30-day average, it came from a rooted or emulated device and it came from a device never seen before for this customer.",
    );
  });

  it("mentions a strong counter-argument and rule hits", () => {
    const text = summarizeFlag({
      ...base,
      attributions: [
        { feature: "geo", attribution: 1.5 },
        { feature: "account_age_days", attribution: -0.8 },
      ],
      features: { geo: 2, account_age_days: 1200 },
      ruleHits: [{ rule_id: "r", description: "Amount over 10,000", decision: "REVIEW" }],
    });
    expect(text).toBe(
      "Flagged mainly because it was made from an unknown location. Rule “Amount over 10,000” also fired. Pointing the other way: the account is 3 years old.",
    );
  });

  it("explains a rule-only decision and a degraded one", () => {
    const rule = { rule_id: "large-amount", description: "Amount over 25,000", decision: "SUSPICIOUS" as const };
    expect(summarizeFlag({ ...base, score: null, attributions: null, features: {}, ruleHits: [rule] })).toBe(
      "Flagged by rule “Amount over 25,000” without asking the model.",
    );
    expect(summarizeFlag({ ...base, score: null, attributions: null, features: {}, degraded: true })).toMatch(
      /^The model did not answer in time/,
    );
  });

  it("says when a value was missing", () => {
    expect(summarizeFlag({ ...base, attributions: [{ feature: "account_age_days", attribution: 1 }], features: {} })).toBe(
      "Flagged mainly because the account age was not provided.",
    );
  });
});

describe("clauses", () => {
  it("has a sentence form for every feature of the schema", () => {
    expect(FEATURES.filter((f) => !hasClause(f.name)).map((f) => f.name)).toEqual([]);
  });
  it("joins like English", () => {
    expect(joinClauses(["a"])).toBe("a");
    expect(joinClauses(["a", "b", "c"])).toBe("a, b and c");
  });
});
