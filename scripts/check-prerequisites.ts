/**
 * `npm test`'s first step (npm runs it as `pretest`; `.ci/run` goes through the same command).
 *
 * The tests need two things npm cannot install: a Chromium for Playwright and a Python with XGBoost
 * 1.7 for the TreeSHAP parity and training tests. On Debian as root we install what is missing with
 * apt-get, exactly as CI does; anywhere else we stop within seconds with one message that names what
 * to install, instead of a stack trace minutes into the run.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { DEFAULT_PYTHON, PYTHON, PYTHON_IS_CUSTOM } from "../infra/model/pipeline/python";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

function hasChromium(): boolean {
  if (existsSync(DEBIAN_CHROMIUM)) return true;
  // Playwright's own browser (npx playwright install chromium) is as good where it can be had.
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

function hasXgboost(): boolean {
  const run = spawnSync(PYTHON, ["-c", "import xgboost, numpy"], { stdio: "ignore", timeout: 30_000 });
  return run.status === 0;
}

function canApt(): boolean {
  return existsSync("/etc/debian_version") && process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
}

function apt(args: string[]): void {
  const run = spawnSync("apt-get", args, {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (run.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed (exit ${run.status ?? run.signal})`);
}

function instructions(missing: { chromium: boolean; xgboost: boolean }): string {
  const lines = ["npm test needs software that npm does not install:"];
  if (missing.chromium) {
    lines.push(
      "  - a Chromium for the Playwright tests:",
      "      Debian/Ubuntu: sudo apt-get install chromium     (used from /usr/bin/chromium)",
      "      elsewhere:     npx playwright install chromium",
    );
  }
  if (missing.xgboost) {
    lines.push(
      `  - XGBoost 1.7 for the model tests, in the Python at ${PYTHON}${PYTHON_IS_CUSTOM ? " (FRAUD_PYTHON)" : ""}:`,
      "      Debian/Ubuntu: sudo apt-get install python3-xgboost",
      "      elsewhere:     pip install 'xgboost==1.7.*' numpy, then export FRAUD_PYTHON=$(which python3)",
    );
  }
  lines.push("Then run npm test again.");
  return lines.join("\n");
}

function main(): void {
  const missing = { chromium: !hasChromium(), xgboost: !hasXgboost() };
  if (!missing.chromium && !missing.xgboost) return;
  // A Python the user chose is theirs to equip; apt-get only serves Debian's own interpreter.
  const aptCanFix = canApt() && (!missing.xgboost || PYTHON === DEFAULT_PYTHON);
  if (!aptCanFix) {
    console.error(instructions(missing));
    process.exit(1);
  }
  const packages = [...(missing.chromium ? ["chromium"] : []), ...(missing.xgboost ? ["python3-xgboost"] : [])];
  console.log(`Installing Debian packages the tests need: ${packages.join(" ")}`);
  const started = Date.now();
  apt(["update", "-qq"]);
  apt(["install", "-y", "-qq", ...packages]);
  const still = { chromium: !hasChromium(), xgboost: !hasXgboost() };
  if (still.chromium || still.xgboost) {
    console.error(instructions(still));
    process.exit(1);
  }
  console.log(`Installed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

main();
