import { describe, expect, it } from "vitest";
import { decideFromScore, mostSevere, needsReview } from "./decision";

describe("decideFromScore", () => {
  const thresholds = { review: 0.35, suspicious: 0.8 };
  it.each([
    [0, "LEGIT"],
    [0.3499, "LEGIT"],
    [0.35, "REVIEW"],
    [0.79, "REVIEW"],
    [0.8, "SUSPICIOUS"],
    [1, "SUSPICIOUS"],
  ] as const)("score %f → %s", (score, decision) => {
    expect(decideFromScore(score, thresholds)).toBe(decision);
  });
});

describe("mostSevere / needsReview", () => {
  it("orders LEGIT < REVIEW < SUSPICIOUS", () => {
    expect(mostSevere()).toBe("LEGIT");
    expect(mostSevere("REVIEW", "LEGIT")).toBe("REVIEW");
    expect(mostSevere("REVIEW", "SUSPICIOUS", "LEGIT")).toBe("SUSPICIOUS");
  });
  it("queues REVIEW and SUSPICIOUS only", () => {
    expect([needsReview("LEGIT"), needsReview("REVIEW"), needsReview("SUSPICIOUS")]).toEqual([false, true, true]);
  });
});
