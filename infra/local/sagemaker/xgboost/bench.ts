/**
 * npm run bench:model — per-row predict and SHAP times of our evaluator against XGBoost's own
 * predict / pred_contribs on the same rows, for every committed model artifact
 * (infra/model/artifacts/<group>/v<N>/xgboost-model), or the parity fixture's deep model if none
 * exist (or with `-- --fixture`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { benchRows } from "./bench-rows";
import { PYTHON } from "../../../model/pipeline/python";
import { parseXgboostModel, predictBatch, shapBatch, type XgboostModel } from "./index";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const ROOT = join(HERE, "../../../..");
const ARTIFACTS = join(ROOT, "infra/model/artifacts");
const N_ROWS = 3000;
const N_SHAP_ROWS = 500;

interface PythonTimings {
  predict_row: number;
  inplace_row: number;
  shap_row: number;
  predict_batch_1: number;
  predict_batch_2: number;
  shap_batch_1: number;
  shap_batch_2: number;
}

function findModels(scratch: string): string[] {
  const found =
    existsSync(ARTIFACTS) && !process.argv.includes("--fixture")
      ? readdirSync(ARTIFACTS)
          .flatMap((group) =>
            existsSync(join(ARTIFACTS, group)) && !group.startsWith(".")
              ? readdirSync(join(ARTIFACTS, group))
                  .filter((v) => /^v\d+$/.test(v))
                  .map((v) => join(ARTIFACTS, group, v, "xgboost-model"))
              : [],
          )
          .filter((path) => existsSync(path))
      : [];
  if (found.length > 0) return found.sort();
  console.log(`No model artifacts used (none under ${relative(ROOT, ARTIFACTS)}/<group>/v<N>/xgboost-model, or --fixture):`);
  console.log("falling back to the parity fixture's deep model (200 trees, max_depth 8), trained now.\n");
  python([join(HERE, "parity_fixture.py"), join(scratch, "fixture")]);
  return [join(scratch, "fixture/deep/model.json")];
}

function python(args: string[]): string {
  const run = spawnSync(PYTHON, args, { encoding: "utf8", maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`${args[0]} failed: ${run.stderr || run.error?.message}`);
  return run.stdout;
}

/** Microseconds per row of `fn` over rows [0, n), after a warm-up pass for the JIT. */
function timePerRow(n: number, fn: (r: number) => void): number {
  for (let r = 0; r < Math.min(n, 200); r++) fn(r);
  const start = performance.now();
  for (let r = 0; r < n; r++) fn(r);
  return ((performance.now() - start) * 1000) / n;
}

function timeBatch(n: number, fn: () => unknown): number {
  fn();
  const start = performance.now();
  fn();
  return ((performance.now() - start) * 1000) / n;
}

function benchOurs(model: XgboostModel, rows: Float32Array) {
  const nf = model.numFeatures;
  // Per-row calls take plain number arrays, as a parsed CSV line would give.
  const plain = Array.from({ length: N_ROWS }, (_, r) => Array.from(rows.subarray(r * nf, (r + 1) * nf)));
  let sink = 0;
  const timings = {
    predict_row: timePerRow(N_ROWS, (r) => (sink += model.predict(plain[r] as number[]))),
    shap_row: timePerRow(N_SHAP_ROWS, (r) => (sink += model.shap(plain[r] as number[])[0] ?? 0)),
    predict_batch: timeBatch(N_ROWS, () => predictBatch(model, rows, N_ROWS)),
    shap_batch: timeBatch(N_SHAP_ROWS, () => shapBatch(model, rows, N_SHAP_ROWS)),
  };
  return { timings, sink };
}

function readF64(path: string): Float64Array {
  return new Float64Array(new Uint8Array(readFileSync(path)).buffer);
}

function agreement(model: XgboostModel, rows: Float32Array, dir: string): string {
  const nf = model.numFeatures;
  const pred = readF64(join(dir, "pred.f64"));
  const contribs = readF64(join(dir, "contribs.f64"));
  const ours = predictBatch(model, rows, N_ROWS);
  const shap = shapBatch(model, rows, N_SHAP_ROWS);
  let dPred = 0;
  let dShap = 0;
  for (let r = 0; r < N_ROWS; r++) dPred = Math.max(dPred, Math.abs((ours[r] as number) - (pred[r] as number)));
  for (let r = 0; r < N_SHAP_ROWS; r++) {
    for (let j = 0; j < nf; j++) dShap = Math.max(dShap, Math.abs((shap[r * nf + j] as number) - (contribs[r * (nf + 1) + j] as number)));
  }
  return `max |Δ predict| ${dPred.toExponential(2)} over ${N_ROWS} rows, max |Δ shap| ${dShap.toExponential(2)} over ${N_SHAP_ROWS} rows`;
}

const us = (v: number) => `${v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0)} µs`;
const ratio = (ours: number, theirs: number) => `${(ours / theirs).toPrecision(2)}×`;

function report(path: string, model: XgboostModel, ours: Record<string, number>, xgb: PythonTimings, agree: string) {
  const json = JSON.parse(readFileSync(path, "utf8")) as { learner: { gradient_booster: { model: { trees: unknown[] } } } };
  const trees = json.learner.gradient_booster.model.trees.length;
  const name = path.startsWith(ROOT) ? relative(ROOT, path) : `parity fixture deep model (${path})`;
  console.log(`${name}  (${trees} trees, ${model.numFeatures} features, ${model.objective})`);
  const lines: Array<[string, number, number, number | undefined]> = [
    ["predict, one row per call (DMatrix)", ours.predict_row ?? 0, xgb.predict_row, undefined],
    ["predict, one row per call (inplace)", ours.predict_row ?? 0, xgb.inplace_row, undefined],
    [`predict, batch of ${N_ROWS}`, ours.predict_batch ?? 0, xgb.predict_batch_1, xgb.predict_batch_2],
    ["shap, one row per call", ours.shap_row ?? 0, xgb.shap_row, undefined],
    [`shap, batch of ${N_SHAP_ROWS}`, ours.shap_batch ?? 0, xgb.shap_batch_1, xgb.shap_batch_2],
  ];
  console.log(
    `  ${"µs per row".padEnd(38)}${"ours".padStart(10)}${"XGBoost".padStart(11)}${"ours/XGB".padStart(10)}${"XGB 2 thr".padStart(11)}`,
  );
  for (const [label, o, x1, x2] of lines) {
    console.log(
      `  ${label.padEnd(38)}${us(o).padStart(10)}${us(x1).padStart(11)}${ratio(o, x1).padStart(10)}${(x2 === undefined ? "-" : us(x2)).padStart(11)}`,
    );
  }
  console.log(`  agreement: ${agree}\n`);
}

function main() {
  const scratch = mkdtempSync(join(tmpdir(), "xgb-bench-"));
  try {
    const load = loadavg()
      .map((v) => v.toFixed(1))
      .join(" ");
    console.log(`XGBoost model benchmark: our TypeScript evaluator vs XGBoost (Python) on the same rows.`);
    console.log(`Node ${process.version}, ${cpus().length} cores, load average ${load}. Wall-clock, one pass each;`);
    console.log("XGBoost per-row calls and its first column run on 1 thread (like our single JS thread).\n");
    for (const path of findModels(scratch)) {
      const text = readFileSync(path, "utf8");
      const model = parseXgboostModel(text);
      const rows = benchRows(text, model.numFeatures, N_ROWS);
      const { timings } = benchOurs(model, rows);
      const rowsPath = join(scratch, "rows.f32");
      writeFileSync(rowsPath, new Uint8Array(rows.buffer));
      const out = python([
        join(HERE, "bench_reference.py"),
        path,
        rowsPath,
        String(N_ROWS),
        String(model.numFeatures),
        String(N_SHAP_ROWS),
        scratch,
      ]);
      const xgb = JSON.parse(out) as { timings: PythonTimings };
      report(path, model, timings, xgb.timings, agreement(model, rows, scratch));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main();
