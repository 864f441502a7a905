import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Debian's python3-xgboost lives under /usr/bin/python3 only (the python3 on PATH may lack it). */
export const DEFAULT_PYTHON = "/usr/bin/python3";

/**
 * The one interpreter every Python step uses (training, parity tests, benchmarks). FRAUD_PYTHON
 * points elsewhere, e.g. a virtualenv with `pip install xgboost==1.7.*` on macOS.
 */
export const PYTHON = process.env.FRAUD_PYTHON || DEFAULT_PYTHON;
export const PYTHON_IS_CUSTOM = PYTHON !== DEFAULT_PYTHON;

export const TRAIN_DIR = fileURLToPath(new URL("../train/", import.meta.url));

export interface PythonRun {
  script: string;
  args?: readonly string[];
  env?: Readonly<Record<string, string>>;
}

/** Run a script from infra/model/train; output goes to our stdout; throws on failure. */
export function runPython({ script, args = [], env = {} }: PythonRun): string {
  const result = spawnSync(PYTHON, [script, ...args], {
    cwd: TRAIN_DIR,
    env: { ...process.env, ...env, PYTHONDONTWRITEBYTECODE: "1", PYTHONHASHSEED: "0" },
    encoding: "utf8",
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${script} failed (exit ${result.status}):\n${result.stderr}`);
  }
  if (result.stderr.trim()) process.stderr.write(result.stderr);
  return result.stdout;
}
