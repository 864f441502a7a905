import { readFileSync } from "node:fs";
import { mulberry32 } from "@/lib/random/mulberry32";
import { describe, expect, it } from "vitest";
import { baselineSchema } from "./baseline";
import { binIndex, coarseOfFine, EdgeLookup } from "./edge-lookup";
import { binningPlan } from "./partial";

const plan = binningPlan(
  "2",
  baselineSchema.parse(
    JSON.parse(readFileSync(new URL("../../infra/model/artifacts/acme-bank-fraud/v2/baseline.json", import.meta.url), "utf8")),
  ),
);

/** Values that test a lookup: every edge, its neighbouring doubles, cell borders, outside values, random ones. */
function probes(edges: Float64Array, next: () => number): number[] {
  const out = [NaN, -Infinity, Infinity, 0, -0, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE];
  const first = edges[0] ?? 0;
  const last = edges[edges.length - 1] ?? 1;
  for (const e of edges) out.push(e, e - Math.abs(e) * 2 ** -52 - Number.MIN_VALUE, e + Math.abs(e) * 2 ** -52 + Number.MIN_VALUE);
  for (let c = 0; c <= edges.length * 4; c++) out.push(first + (c * (last - first)) / (edges.length * 4));
  for (let k = 0; k < 2000; k++) out.push(first - (last - first) * 0.1 + next() * (last - first) * 1.2);
  // Every integer across the edges (up to 70,000 of them), and the halves between.
  const from = Math.floor(first) - 2;
  if (Number.isSafeInteger(from)) for (let k = from; k <= Math.ceil(last) + 2 && k < from + 70_000; k++) out.push(k, k + 0.5);
  return out;
}

describe("EdgeLookup", () => {
  it("answers binIndex for every value, on the baselines' edges and on edges with ties, gaps and extremes", () => {
    const next = mulberry32(42);
    const sets: Float64Array[] = plan.features.flatMap((f) => (f.kind === "numeric" ? [f.fine, f.coarse] : []));
    sets.push(plan.score.fine, plan.score.coarse);
    sets.push(
      new Float64Array([]),
      new Float64Array([5]),
      new Float64Array([1, 1, 1]),
      new Float64Array([0, 0, 1, 1, 1, 2, 1000, 1000, 1e6]),
      new Float64Array([-1e300, 0, 1e300]),
      new Float64Array([-2.5, -1, 0, 0, 3.5, 7, 7, 12]),
      new Float64Array([0.25, 0.75]),
      Float64Array.from({ length: 300 }, (_, i) => (i < 290 ? i * 1e-3 : 1e4 * i)),
    );
    for (const edges of sets) {
      const lookup = new EdgeLookup(edges);
      const wrong = probes(edges, next).filter((v) => lookup.index(v) !== binIndex(edges, v));
      expect(wrong).toEqual([]);
    }
  });
});

describe("coarseOfFine", () => {
  it("maps a fine bin to the coarse bin of its values when the coarse edges are fine edges, else declines", () => {
    const next = mulberry32(7);
    for (const f of [...plan.features.filter((f) => f.kind === "numeric"), plan.score]) {
      const table = coarseOfFine(f.coarse, f.fine);
      expect(table).not.toBeNull();
      const wrong = probes(f.fine, next).filter((v) => !Number.isNaN(v) && table![binIndex(f.fine, v)] !== binIndex(f.coarse, v));
      expect(wrong).toEqual([]);
    }
    expect(coarseOfFine(new Float64Array([0.5]), new Float64Array([0, 1]))).toBeNull();
    expect(coarseOfFine(new Float64Array([1]), new Float64Array([]))).toBeNull();
  });
});
