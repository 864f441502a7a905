import { execFile } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createModel, deployEndpoint, putObject, startTestStack } from "./test-support";

/**
 * Invocation throughput and latency of the emulator alone (the baseline the console's scoring API
 * is compared against): `npx tsx infra/local/sagemaker/bench.ts [seconds]`.
 * Serves a committed model artifact (infra/model/artifacts) and hammers InvokeEndpoint over loopback
 * with autocannon in a separate process (in-process load generation would steal the server's CPU):
 * one row, one row with Clarify explanations, 1000 rows per call.
 */
const SECONDS = Number(process.argv[2] ?? 5);
const CONNECTIONS = 8;
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const run = promisify(execFile);

interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
}

async function firstArtifact(): Promise<string> {
  const base = path.join(ROOT, "infra/model/artifacts");
  for (const group of await readdir(base)) {
    for (const version of await readdir(path.join(base, group))) {
      const file = path.join(base, group, version, "model.tar.gz");
      if (
        await readFile(file).then(
          () => true,
          () => false,
        )
      )
        return file;
    }
  }
  throw new Error(`no model.tar.gz under ${base}`);
}

async function main(): Promise<void> {
  const stack = await startTestStack({ transitionMs: 10 });
  try {
    const artifact = await firstArtifact();
    await putObject("bench/model.tar.gz", await readFile(artifact));
    await createModel("bench", "s3://models/bench/model.tar.gz");
    const plain = await deployEndpoint("bench", [{ name: "production", model: "bench" }]);
    if (plain.EndpointStatus !== "InService") throw new Error(`endpoint failed: ${plain.FailureReason}`);
    const width = await featureCount(stack.sagemakerUrl);
    // One all-missing baseline record: Clarify's cost is then n_samples model calls per record.
    await deployEndpoint("bench-explained", [{ name: "production", model: "bench" }], {
      ExplainerConfig: {
        ClarifyExplainerConfig: {
          EnableExplanations: "`true`",
          ShapConfig: { ShapBaselineConfig: { ShapBaseline: ",".repeat(width - 1) } },
        },
      },
    });
    const row = () => Array.from({ length: width }, (_, j) => (j === 3 ? "" : (Math.random() * 10).toFixed(3))).join(",");
    const cases = [
      { name: "1 row", endpoint: "bench", body: row() },
      { name: "1 row + Clarify", endpoint: "bench-explained", body: row() },
      { name: "1000 rows", endpoint: "bench", body: Array.from({ length: 1000 }, row).join("\n") },
    ];
    console.log(`model ${path.relative(ROOT, artifact)} (${width} features), ${CONNECTIONS} connections, ${SECONDS} s per case`);
    for (const c of cases) {
      const bodyFile = path.join(tmpdir(), `sagemaker-bench-${process.pid}.csv`);
      await writeFile(bodyFile, c.body);
      const args = [path.join(ROOT, "node_modules/autocannon/autocannon.js"), "--json", "-c", String(CONNECTIONS), "-d", String(SECONDS)];
      args.push("-m", "POST", "-H", "content-type=text/csv", "-i", bodyFile, `${stack.sagemakerUrl}/endpoints/${c.endpoint}/invocations`);
      const { stdout } = await run(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 });
      const result = JSON.parse(stdout) as AutocannonResult;
      const rate = result.requests.average.toFixed(0).padStart(6);
      console.log(
        `${c.name.padEnd(16)} ${rate} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  non-2xx ${result.non2xx}`,
      );
    }
  } finally {
    await stack.stop();
  }
}

/** The model's width: like XGBoost, the endpoint scores short rows and refuses one wider than the model. */
async function featureCount(url: string): Promise<number> {
  for (let width = 1; width <= 1000; width++) {
    const response = await fetch(`${url}/endpoints/bench/invocations`, {
      method: "POST",
      headers: { "content-type": "text/csv" },
      body: ",".repeat(width - 1),
    });
    await response.arrayBuffer();
    if (!response.ok) return width - 1;
  }
  throw new Error("could not find the model's feature count");
}

await main();
