import { describe, expect, it } from "vitest";
import { buildWaterfall, sigmoid } from "./waterfall";

describe("buildWaterfall", () => {
  const attributions = Array.from({ length: 12 }, (_, i) => ({
    feature: i === 0 ? "amount" : `f${i}`,
    attribution: (i % 2 ? -1 : 1) * (12 - i) * 0.1,
  }));

  it("walks from the base value to the score, largest contributions first, the rest grouped", () => {
    const w = buildWaterfall({ baseValue: -4, attributions, features: { amount: 5000 } }, 8);
    expect(w?.steps).toHaveLength(8);
    expect(w?.steps[0]).toMatchObject({
      feature: "amount",
      label: "Amount",
      value: 5000,
      start: -4,
      description: "an amount of 5,000.00",
      display: "5,000",
    });
    expect(w?.steps.at(-1)).toMatchObject({ feature: "other", label: "5 other features" });
    const total = attributions.reduce((s, a) => s + a.attribution, -4);
    expect(w?.finalValue).toBeCloseTo(total, 10);
    expect(w?.finalProbability).toBeCloseTo(sigmoid(total), 10);
    for (let i = 1; i < (w?.steps.length ?? 0); i++) expect(w?.steps[i]?.start).toBeCloseTo(w?.steps[i - 1]?.end ?? NaN, 10);
  });

  it("is null without attributions (a rule decided or the model did not answer)", () => {
    expect(buildWaterfall({ baseValue: null, attributions: null, features: {} })).toBeNull();
  });
});

describe("shortValue", () => {
  it("shows categories by name, flags as yes/no and numbers with their unit", async () => {
    const { FEATURES } = await import("@/lib/features/schema");
    const { shortValue } = await import("./waterfall");
    const by = (name: string) => FEATURES.find((f) => f.name === name)!;
    expect(shortValue(by("device_type"), by("device_type").categories!.indexOf("rooted-phone"))).toBe("rooted-phone");
    expect(shortValue(by("is_new_device"), 1)).toBe("yes");
    expect(shortValue(by("amount_to_avg_ratio"), 14.04)).toBe("14.04×");
    expect(shortValue(by("merchant_chargeback_rate"), 0.035)).toBe("3.5%");
    expect(shortValue(by("amount"), null)).toBe("missing");
  });
});
