import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PYTHON } from "../../../model/pipeline/python";
import { parseXgboostModel, predictBatch, shapBatch, type XgboostModel } from "./index";

// Trains models with the real XGBoost (1.7.4; FRAUD_PYTHON, default /usr/bin/python3) and checks that
// our predictions and SHAP values match XGBoost's own predict / pred_contribs on the same rows.
const FIXTURE_SCRIPT = fileURLToPath(new URL("./parity_fixture.py", import.meta.url));
const CASES = ["plain", "missing", "deep", "base-score", "reg-logistic", "logitraw", "parallel-trees"];

interface CaseInfo {
  name: string;
  n_rows: number;
  n_features: number;
  objective: string;
  trees: number;
}

let dir = "";
let cases = new Map<string, CaseInfo>();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "xgb-parity-"));
  const run = spawnSync(PYTHON, [FIXTURE_SCRIPT, dir], { encoding: "utf8", timeout: 120_000 });
  if (run.status !== 0) throw new Error(`parity_fixture.py failed (${run.status}): ${run.stderr || run.error?.message}`);
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { cases: CaseInfo[] };
  cases = new Map(manifest.cases.map((c) => [c.name, c]));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function readF64(name: string, file: string): Float64Array {
  // Copy into a fresh buffer: Float64Array needs 8-byte alignment, which Node's Buffer pool lacks.
  return new Float64Array(new Uint8Array(readFileSync(join(dir, name, `${file}.f64`))).buffer);
}

interface ModelFile {
  learner: { learner_model_param: { base_score: string }; gradient_booster: { model: { trees: Array<{ left_children: number[] }> } } };
}
const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8")) as ModelFile;

const tolerance = (expected: number) => 1e-5 * (1 + Math.abs(expected));

class ErrorTracker {
  max = 0;
  check(label: string, actual: number, expected: number): void {
    const error = Math.abs(actual - expected);
    this.max = Math.max(this.max, error);
    if (!(error <= tolerance(expected))) expect.fail(`${label}: ours ${actual}, XGBoost ${expected}`);
  }
}

function checkCase(name: string, model: XgboostModel, info: CaseInfo) {
  const n = info.n_features;
  const [x, pred, margin, contribs] = ["X", "pred", "margin", "contribs"].map((f) => readF64(name, f)) as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const errors = {
    predict: new ErrorTracker(),
    margin: new ErrorTracker(),
    shap: new ErrorTracker(),
    bias: new ErrorTracker(),
    sum: new ErrorTracker(),
  };
  for (let r = 0; r < info.n_rows; r++) {
    const row = x.subarray(r * n, (r + 1) * n);
    errors.predict.check(`row ${r} predict`, model.predict(row), pred[r] as number);
    const ourMargin = model.predictMargin(row);
    errors.margin.check(`row ${r} margin`, ourMargin, margin[r] as number);
    const phi = model.shap(row);
    const xgbRow = contribs.subarray(r * (n + 1), (r + 1) * (n + 1));
    phi.forEach((value, j) => errors.shap.check(`row ${r} shap[${j}]`, value, xgbRow[j] as number));
    errors.bias.check(`row ${r} bias`, model.expectedValue, xgbRow[n] as number);
    errors.sum.check(
      `row ${r} sum(shap) + bias`,
      phi.reduce((a, b) => a + b, model.expectedValue),
      margin[r] as number,
    );
  }
  const summary = Object.entries(errors)
    .map(([k, t]) => `${k} ${t.max.toExponential(2)}`)
    .join(", ");
  console.log(`parity ${name} (${info.n_rows} rows, ${info.trees} trees): max abs error ${summary}`);
  return x;
}

describe("parity with XGBoost's own predict and pred_contribs", () => {
  it.each(CASES)("%s model", (name) => {
    const info = cases.get(name);
    if (!info) throw new Error(`fixture case ${name} missing`);
    expect(info.n_rows).toBeGreaterThanOrEqual(1000);
    const model = parseXgboostModel(readFileSync(join(dir, name, "model.json")));
    expect(model.objective).toBe(info.objective);
    expect(model.numFeatures).toBe(info.n_features);
    checkCase(name, model, info);
  });

  it("exercises what it claims: missing values, a deep forest, a non-default base_score", () => {
    const missing = readF64("missing", "X");
    expect(missing.filter(Number.isNaN).length).toBeGreaterThan(1000);
    const deep = cases.get("deep");
    expect(deep?.trees).toBeGreaterThanOrEqual(200);
    const deepJson = readJson(join(dir, "deep", "model.json"));
    expect(deepJson.learner.gradient_booster.model.trees.some((t) => t.left_children.length > 256)).toBe(true);
    const baseScore = readJson(join(dir, "base-score", "model.json"));
    expect(Number(baseScore.learner.learner_model_param.base_score)).toBeCloseTo(0.15, 6);
    expect(parseXgboostModel(JSON.stringify(baseScore)).featureNames?.[0]).toBe("f0_name");
  });

  it("batch helpers give the same results on float32 matrices", () => {
    const info = cases.get("missing");
    if (!info) throw new Error("fixture case missing");
    const model = parseXgboostModel(readFileSync(join(dir, "missing", "model.json")));
    const rows = Float32Array.from(readF64("missing", "X"));
    const n = info.n_features;
    const preds = predictBatch(model, rows, info.n_rows);
    const shap = shapBatch(model, rows, info.n_rows);
    for (let r = 0; r < info.n_rows; r += 37) {
      expect(preds[r]).toBe(model.predict(rows.subarray(r * n, (r + 1) * n)));
      expect(Array.from(shap.subarray(r * n, (r + 1) * n))).toEqual(Array.from(model.shap(rows.subarray(r * n, (r + 1) * n))));
    }
  });
});
