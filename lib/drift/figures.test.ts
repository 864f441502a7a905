import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FEATURES, type FeatureValue } from "@/lib/features/schema";
import { baselineSchema, type Baseline } from "./baseline";
import { featureFigures, scoreFigures, type CategoricalFigures, type NumericFigures } from "./figures";
import { addRow, binningPlan, emptyPartial, mergePartials, type BinningPlan, type DriftPartial } from "./partial";

const baseline: Baseline = baselineSchema.parse(
  JSON.parse(readFileSync(new URL("../../infra/model/artifacts/acme-bank-fraud/v2/baseline.json", import.meta.url), "utf8")),
);
const plan = binningPlan("2", baseline);

/**
 * Rows whose every feature has exactly the training data's fine (or per-code) counts: each value at
 * its bin's lower edge (the value itself for integer features), the missing ones null. Columns are independent; row i takes value i of each.
 */
function trainingLikeColumns(): FeatureValue[][] {
  return baseline.features.map((f) => {
    const column: FeatureValue[] = [];
    if (f.fine) {
      const { edges, counts } = f.fine;
      counts.forEach((c, j) => {
        const value = j === 0 ? edges[0]! - 1 : edges[j - 1]!;
        for (let k = 0; k < c; k++) column.push(value);
      });
    } else {
      f.histogram.counts.forEach((c, code) => {
        for (let k = 0; k < c; k++) column.push(f.type === "numeric" ? (f.histogram.edges[0] ?? 0) : code);
      });
    }
    for (let k = 0; k < f.missing; k++) column.push(null);
    return column;
  });
}

const columns = trainingLikeColumns();
const rowCount = baseline.dataset.rows;
const row = (i: number, change?: (name: string, v: FeatureValue, i: number) => FeatureValue) =>
  FEATURES.map((f, j) => {
    const v = columns[j]![i] ?? null;
    return change ? change(f.name, v, i) : v;
  });

function pass(rows: number, change?: Parameters<typeof row>[1], p: DriftPartial = emptyPartial(), start = 0, on: BinningPlan = plan) {
  for (let i = start; i < start + rows; i++) addRow(p, on, "production", row(i, change), 0.01);
  return p;
}

const byName = <T extends { feature: string }>(figures: T[], name: string) => figures.find((f) => f.feature === name)!;

describe("featureFigures", () => {
  it("gives ~0 on every statistic for the training distribution itself", () => {
    const figures = featureFigures(plan, pass(rowCount).versions["2"]!);
    for (const f of figures) {
      expect(f.psi, f.feature).toBeLessThan(1e-9);
      expect(Math.abs(f.missingRate.change), f.feature).toBeLessThan(1e-9);
      if (f.type === "numeric") {
        expect(f.ks, f.feature).toBeLessThan(1e-9);
        expect(f.wasserstein, f.feature).toBeLessThan(1e-9);
        expect(f.meanShift ?? 0, f.feature).toBeLessThan(0.01);
      } else {
        expect(f.js, f.feature).toBeLessThan(1e-6);
        expect(f.chiSquare, f.feature).toBeLessThan(1e-6);
        expect(f.unseenShare).toBe(0);
      }
    }
  });

  it("flags amounts that doubled on amount alone, past the default alert thresholds", () => {
    const grown = pass(rowCount, (name, v) => (name === "amount" && v !== null ? v * 2 : v));
    const figures = featureFigures(plan, grown.versions["2"]!);
    const amount = byName(figures, "amount") as NumericFigures;
    expect(amount.psi).toBeGreaterThanOrEqual(0.2);
    expect(amount.wasserstein).toBeGreaterThanOrEqual(0.1);
    expect(amount.meanShift).toBeGreaterThanOrEqual(0.9);
    expect(amount.ks).toBeGreaterThan(0.1);
    expect(amount.wassersteinBound).toBeLessThan(0.05);
    for (const f of figures.filter((x) => x.feature !== "amount")) expect(f.psi, f.feature).toBeLessThan(1e-9);
  });

  it("flags a shift between categories with Jensen–Shannon and χ²", () => {
    // Every other card-present transaction moves online.
    const moved = pass(rowCount, (name, v, i) => (name === "channel" && v === 0 && i % 2 === 0 ? 1 : v));
    const channel = byName(featureFigures(plan, moved.versions["2"]!), "channel") as CategoricalFigures;
    expect(channel.js).toBeGreaterThanOrEqual(0.1);
    expect(channel.psi).toBeGreaterThanOrEqual(0.2);
    expect(channel.chiSquare).toBeGreaterThan(1000);
    expect(channel.unseenShare).toBe(0);
  });

  it("reports a category training never saw as unseen, on its own, without a crash", () => {
    // 5% of devices are a code outside the vocabulary (a device type added after training).
    const fresh = pass(rowCount, (name, v, i) => (name === "device_type" && v !== null && i % 20 === 0 ? 42 : v));
    const device = byName(featureFigures(plan, fresh.versions["2"]!), "device_type") as CategoricalFigures;
    expect(device.unseenShare).toBeGreaterThan(0.04);
    expect(device.unseenShare).toBeLessThan(0.06);
    expect(device.histogram.categories.find((c) => c.code === "42")).toMatchObject({ baseline: 0, unseen: true });
    // Left out of the shape statistics, which see the same mix of known devices as in training.
    expect(device.psi).toBeLessThan(0.01);
    expect(device.js).toBeLessThan(0.01);
  });

  it("compares the score to the training scores of the serving version", () => {
    const p = pass(1000);
    const score = scoreFigures(plan, "production", p.versions["2"]!.scores.production!);
    expect(score).toMatchObject({ variant: "production", baselineVersion: "2", records: 1000 });
    expect(score.mean.current).toBeCloseTo(0.01, 12);
    expect(score.psi).toBeGreaterThan(0);
  });
});

describe("mergePartials", () => {
  it("equals one pass, in any order, and survives JSON", () => {
    const n = 30_000;
    const one = pass(n);
    const a = pass(10_000, undefined, emptyPartial(), 0);
    const b = pass(7_000, undefined, emptyPartial(), 10_000);
    const c = pass(13_000, undefined, emptyPartial(), 17_000);
    const merged = mergePartials(mergePartials(c, JSON.parse(JSON.stringify(a)) as DriftPartial), b);
    expect(merged.records).toBe(n);
    const strip = (p: DriftPartial) =>
      JSON.parse(JSON.stringify(p, (k, v: unknown) => (k === "sum" || k === "sumSquares" ? 0 : v))) as unknown;
    expect(strip(merged)).toEqual(strip(one));
    const [fm, fo] = [featureFigures(plan, merged.versions["2"]!), featureFigures(plan, one.versions["2"]!)];
    fm.forEach((f, i) => {
      const o = fo[i]!;
      expect(f.psi).toBe(o.psi);
      expect(f.mean.current ?? 0).toBeCloseTo(o.mean.current ?? 0, 9);
    });
  });

  it("refuses partials on different bins", () => {
    const other = binningPlan(
      "1",
      baselineSchema.parse(
        JSON.parse(readFileSync(new URL("../../infra/model/artifacts/acme-bank-fraud/v1/baseline.json", import.meta.url), "utf8")),
      ),
    );
    const a = pass(10);
    const b = pass(10, undefined, emptyPartial(), 0, other);
    // Different versions sit side by side; the same version on other bins is an error.
    expect(Object.keys(mergePartials(a, b).versions).sort()).toEqual(["1", "2"]);
    const forged = { ...b, versions: { "2": b.versions["1"]! } };
    expect(() => mergePartials(a, forged)).toThrow();
  });
});
