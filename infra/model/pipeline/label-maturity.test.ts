import { describe, expect, it } from "vitest";
import { createLabelMaturity } from "./label-maturity";

describe("createLabelMaturity", () => {
  it("knows nothing of today's fraud and nearly everything of old fraud", () => {
    const isReported = createLabelMaturity(1);
    expect(Array.from({ length: 100 }, () => isReported("card_testing", 0)).some(Boolean)).toBe(false);
    expect(Array.from({ length: 100 }, () => isReported("account_takeover", 60)).every(Boolean)).toBe(true);
  });

  it("reports account takeover faster than card testing", () => {
    const isReported = createLabelMaturity(2);
    const share = (pattern: "card_testing" | "account_takeover") =>
      Array.from({ length: 2_000 }, () => isReported(pattern, 10)).filter(Boolean).length / 2_000;
    expect(share("account_takeover")).toBeGreaterThan(0.85);
    expect(share("card_testing")).toBeLessThan(0.35);
  });
});
