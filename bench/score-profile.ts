/**
 * `npx tsx bench/score-profile.ts --data-dir .data [--n 3000]`: a focused
 * micro-bench of the scoring path at concurrency 1, in this process, against a running stack (no
 * Next server, no autocannon): the route handler, and beside it the pieces it is made of (the
 * SDK's InvokeEndpoint alone, a plain HTTP call to the emulator). Run it under
 * `node --cpu-prof --import tsx ...` to see where the handler's time goes.
 */
import { readFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { applyLocalStackEnv, type StackUrls } from "@/infra/local/stack-env";

const { values } = parseArgs({
  options: { "data-dir": { type: "string", default: ".data" }, n: { type: "string", default: "3000" }, only: { type: "string" } },
});
const N = Number(values.n);
const transaction = {
  txn_id: "profile-1",
  amount: 42.5,
  currency: "USD",
  device: "mobile",
  country: "US",
  home_country: "US",
  channel: "ecommerce",
  merchant_category: "5411",
  txn_count_1h: 1,
  account_age_days: 400,
};

async function measure(name: string, fn: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 200; i++) await fn(); // warm-up: JIT, sockets, caches
  const times: number[] = [];
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(3);
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  console.log(`${name.padEnd(34)} mean ${mean.toFixed(3)} ms  p50 ${at(0.5)}  p95 ${at(0.95)}  p99 ${at(0.99)}`);
}

const agent = new http.Agent({ keepAlive: true });
function plainPost(url: string, body: string, headers: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", agent, headers: { ...headers, "content-length": Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on("end", resolve);
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function main(): Promise<void> {
  const demo = JSON.parse(await readFile(path.join(values["data-dir"], "demo.json"), "utf8")) as {
    stack: StackUrls;
    apiKeys: Record<string, string>;
    endpoints: Record<string, string>;
  };
  applyLocalStackEnv(demo.stack);
  const apiKey = demo.apiKeys["acme-bank"] ?? "";
  const endpointName = demo.endpoints["acme-bank"] ?? "";
  // Imported after the environment points lib/aws at the stack.
  const { POST } = await import("@/app/api/score/route");
  const { EXPLAIN_NONE, invokeEndpointRows } = await import("@/lib/scoring/invoke-endpoint");
  const { toCsvRow } = await import("@/lib/features/schema");
  const { transactionSchema } = await import("@/lib/features/transaction");
  const row = toCsvRow(transactionSchema.parse(transaction));
  const body = JSON.stringify(transaction);
  const runs: Record<string, () => Promise<unknown>> = {
    "plain http → emulator": () =>
      plainPost(`${demo.stack.sagemaker}/endpoints/${endpointName}/invocations`, row, {
        "content-type": "text/csv",
        accept: "text/csv",
        "x-amzn-sagemaker-enable-explanations": "`false`",
      }),
    "SDK InvokeEndpoint": () => invokeEndpointRows({ endpointName, rows: [row], explanations: EXPLAIN_NONE, timeoutMs: 250 }),
    "route handler POST /api/score": async () => {
      const res = await POST(
        new Request("http://localhost/api/score", {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
          body,
        }),
      );
      if (res.status !== 200) throw new Error(`status ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    },
  };
  for (const [name, fn] of Object.entries(runs)) if (!values.only || name.includes(values.only)) await measure(name, fn);
  agent.destroy();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
