import { describe, expect, it } from "vitest";
import { binMidpoints, chiSquare, jensenShannon, ks, meanShift, psi, wasserstein } from "./statistics";

// Hand-checked cases: the expected values are worked out in the comments.
describe("psi", () => {
  it("is 0 for the same fractions", () => {
    expect(psi([50, 30, 20], [5, 3, 2])).toBe(0);
  });

  it("is Σ (a − e) ln(a / e)", () => {
    // e = (.5, .5), a = (.75, .25): .25 ln 1.5 − .25 ln .5 = .25 (0.405465 + 0.693147)
    expect(psi([1, 1], [3, 1])).toBeCloseTo(0.25 * (Math.log(1.5) - Math.log(0.5)), 12);
  });

  it("floors an empty bin's fraction at 0.0001", () => {
    // e = (1, .0001), a = (.0001, 1): 2 · 0.9999 · ln(10000)
    expect(psi([1, 0], [0, 1])).toBeCloseTo(2 * 0.9999 * Math.log(10000), 12);
  });
});

describe("ks", () => {
  it("is the largest gap between the two CDFs at the bin edges, with the largest bin mass as its bound", () => {
    // F = (.5, 1, 1), G = (0, .5, 1)
    expect(ks([1, 1, 0], [0, 1, 1])).toEqual({ statistic: 0.5, bound: 0.5 });
    expect(ks([2, 3, 5], [4, 6, 10]).statistic).toBeCloseTo(0, 15);
  });
});

describe("wasserstein", () => {
  it("moves each bin's mass to its midpoint, outer bins closed at the data's range", () => {
    expect(binMidpoints([1, 2], 0, 3)).toEqual([0.5, 1.5, 2.5]);
    // all mass from 0.5 to 2.5: distance 2; bound = (1·1 + 1·1) / 2
    expect(wasserstein([1, 2], [1, 0, 0], [0, 0, 1], 0, 3)).toEqual({ distance: 2, bound: 1 });
    expect(wasserstein([1, 2], [3, 2, 1], [6, 4, 2], 0, 3).distance).toBeCloseTo(0, 15);
  });
});

describe("jensenShannon", () => {
  it("is 1 for disjoint distributions and 0 for equal ones (base 2)", () => {
    expect(jensenShannon([1, 0], [0, 1])).toBe(1);
    expect(jensenShannon([2, 6], [1, 3])).toBe(0);
  });

  it("is √((KL(p‖m) + KL(q‖m)) / 2)", () => {
    // p = (.5, .5), q = (1, 0), m = (.75, .25): KL(p‖m) = .5 log2(2/3) + .5, KL(q‖m) = log2(4/3)
    const expected = Math.sqrt((0.5 * Math.log2(2 / 3) + 0.5 + Math.log2(4 / 3)) / 2);
    expect(jensenShannon([1, 1], [1, 0])).toBeCloseTo(expected, 14);
  });
});

describe("chiSquare", () => {
  it("is Σ (O − E)² / E with E scaled to the observed total", () => {
    // E = (20, 20): 100/20 + 100/20
    expect(chiSquare([1, 1], [30, 10])).toBe(10);
    expect(chiSquare([1, 3], [10, 30])).toBe(0);
  });
});

describe("meanShift", () => {
  it("is |live − train| / |train|, null without a training mean", () => {
    expect(meanShift(100, 130)).toBeCloseTo(0.3, 15);
    expect(meanShift(-2, -1)).toBe(0.5);
    expect(meanShift(0, 1)).toBeNull();
    expect(meanShift(null, 1)).toBeNull();
  });
});
