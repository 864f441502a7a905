import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { binIndex } from "./partial";
import { chiSquare, jensenShannon, ks, wasserstein } from "./statistics";

// scipy (Debian python3-scipy under /usr/bin/python3, or FRAUD_PYTHON, as the XGBoost parity test)
// computes the reference figures on seeded samples binned with the training script's own fine
// histogram: on the same bins ours must agree within 1e-9, on the raw values within our stated bound.
const PYTHON = process.env.FRAUD_PYTHON || "/usr/bin/python3";
const SCRIPT = fileURLToPath(new URL("./test-fixtures/scipy_reference.py", import.meta.url));

interface NumericCase {
  name: string;
  base: number[];
  live: Array<number | null>;
  baseline: { std: number; min: number; max: number; fine: { edges: number[]; counts: number[] } };
  ks_raw: number;
  ks_bins: number;
  w1_raw: number;
  w1_bins: number;
}
interface CategoricalCase {
  name: string;
  base_counts: number[];
  live_counts: number[];
  js: number;
  chi_square: number;
}

let dir = "";
let cases: { numeric: NumericCase[]; categorical: CategoricalCase[] } = { numeric: [], categorical: [] };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "drift-scipy-"));
  const out = join(dir, "cases.json");
  const run = spawnSync(PYTHON, [SCRIPT, out], { encoding: "utf8", timeout: 120_000 });
  if (run.status !== 0) throw new Error(`scipy_reference.py failed (${run.status}): ${run.stderr || run.error?.message}`);
  cases = JSON.parse(readFileSync(out, "utf8")) as typeof cases;
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function binned(c: NumericCase) {
  const edges = Float64Array.from(c.baseline.fine.edges);
  const counts = new Array<number>(edges.length + 1).fill(0);
  let lo = c.baseline.min;
  let hi = c.baseline.max;
  for (const v of c.live) {
    if (v === null) continue;
    counts[binIndex(edges, v)]!++;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return { counts, lo, hi };
}

describe("numeric statistics against scipy", () => {
  it("bins exactly as the training script does", () => {
    for (const c of cases.numeric) {
      const edges = Float64Array.from(c.baseline.fine.edges);
      const counts = new Array<number>(edges.length + 1).fill(0);
      for (const v of c.base) counts[binIndex(edges, v)]!++;
      expect(counts, c.name).toEqual(c.baseline.fine.counts);
    }
  });

  it("KS D equals ks_2samp on the bins within 1e-9, and ks_2samp on the raw values within the bound", () => {
    expect(cases.numeric).toHaveLength(4);
    for (const c of cases.numeric) {
      const { counts } = binned(c);
      const figure = ks(c.baseline.fine.counts, counts);
      expect(Math.abs(figure.statistic - c.ks_bins), c.name).toBeLessThanOrEqual(1e-9);
      expect(c.ks_raw - figure.statistic, c.name).toBeGreaterThanOrEqual(-1e-9);
      expect(c.ks_raw - figure.statistic, c.name).toBeLessThanOrEqual(figure.bound + 1e-9);
    }
  });

  it("normalised W1 equals wasserstein_distance on the bin midpoints within 1e-9, and on the raw values within the bound", () => {
    for (const c of cases.numeric) {
      const { counts, lo, hi } = binned(c);
      const raw = wasserstein(c.baseline.fine.edges, c.baseline.fine.counts, counts, lo, hi);
      const [w1, bound] = [raw.distance / c.baseline.std, raw.bound / c.baseline.std];
      expect(Math.abs(w1 - c.w1_bins), c.name).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(w1 - c.w1_raw), c.name).toBeLessThanOrEqual(bound);
      // The bound is useful, not vacuous: well under the 0.1 threshold.
      expect(bound, c.name).toBeLessThan(0.02);
    }
  });
});

describe("categorical statistics against scipy", () => {
  it("Jensen–Shannon (base 2) and χ² equal jensenshannon and chisquare within 1e-9", () => {
    expect(cases.categorical).toHaveLength(3);
    for (const c of cases.categorical) {
      const seen = c.base_counts.map((n) => n > 0);
      const base = c.base_counts.filter((_, i) => seen[i]);
      const live = c.live_counts.filter((_, i) => seen[i]);
      expect(Math.abs(jensenShannon(base, live) - c.js), c.name).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(chiSquare(base, live) - c.chi_square) / Math.max(1, c.chi_square), c.name).toBeLessThanOrEqual(1e-9);
    }
  });
});
