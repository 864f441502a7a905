/**
 * `npm run checks`: the static checks of `npm test` — typecheck, lint, prettier and the CDK synth —
 * two at a time. Each is single-threaded for most of its run (tsc, eslint and the cdk app each keep
 * one core busy), so on CI's two cores running them side by side takes about half the time of one
 * after another. Each check's output is printed whole when it ends, so two logs never interleave;
 * the exit code is the first failure's, after every check has run.
 */
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";

const CHECKS = ["typecheck", "lint", "synth:aws", "format:check"] as const;
const LANES = 2;

interface Outcome {
  script: string;
  code: number;
  seconds: number;
}

function run(script: string): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", script], { stdio: ["ignore", "pipe", "pipe"], env: process.env });
    const output: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
    child.once("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      const text = Buffer.concat(output).toString().trimEnd();
      console.log(`\n── ${script} (${seconds.toFixed(1)} s, exit ${code ?? "signal"}) ──${text ? `\n${text}` : ""}`);
      resolve({ script, code: code ?? 1, seconds });
    });
  });
}

async function main(): Promise<number> {
  const queue: string[] = [...CHECKS];
  const outcomes: Outcome[] = [];
  const lane = async () => {
    for (let script = queue.shift(); script; script = queue.shift()) outcomes.push(await run(script));
  };
  await Promise.all(Array.from({ length: LANES }, lane));
  const failed = CHECKS.map((c) => outcomes.find((o) => o.script === c)!).filter((o) => o.code !== 0);
  console.log(
    `\nchecks: ${outcomes.length - failed.length} of ${outcomes.length} passed${failed.length ? `; failed: ${failed.map((f) => f.script).join(", ")}` : ""}`,
  );
  return failed[0]?.code ?? 0;
}

process.exitCode = await main();
