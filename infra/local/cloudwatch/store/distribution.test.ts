import { describe, expect, it } from "vitest";
import { Distribution } from "./distribution";

describe("Distribution", () => {
  it("gives nearest-rank percentiles while exact", () => {
    const d = new Distribution();
    for (let v = 1; v <= 10; v++) d.add(v, 1);
    expect([d.percentile(0), d.percentile(10), d.percentile(50), d.percentile(90), d.percentile(100)]).toEqual([1, 1, 5, 9, 10]);
    expect(d.isExact).toBe(true);
  });

  it("switches to log bins past 256 distinct values, staying within 1% relative error", () => {
    const d = new Distribution();
    const values = Array.from({ length: 10_000 }, (_, i) => 0.5 + i * 0.37);
    for (const v of values) d.add(v, 1);
    expect(d.isExact).toBe(false);
    for (const p of [50, 90, 99]) {
      const exact = values[Math.ceil((p / 100) * values.length) - 1]!;
      expect(Math.abs(d.percentile(p)! - exact) / exact).toBeLessThan(0.011);
    }
    expect(d.size).toBeLessThan(400);
  });

  it("keeps zero and negative values apart", () => {
    const d = new Distribution();
    for (let i = 0; i < 300; i++) d.add(i % 3 === 0 ? 0 : i % 3 === 1 ? -5 : 5, 1);
    expect(d.percentile(1)).toBeCloseTo(-5, 1);
    expect(d.percentile(50)).toBe(0);
    expect(d.percentile(100)).toBeCloseTo(5, 1);
  });

  it("round-trips through JSON", () => {
    const d = new Distribution();
    d.add(3, 2);
    d.add(7, 1);
    expect(Distribution.fromJSON(d.toJSON()).percentile(100)).toBe(7);
  });
});
