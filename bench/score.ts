/**
 * `npm run bench:score [-- --data-dir .data] [-- --duration 5]`: the scoring API under load against
 * the production build and the local stack, beside two baselines measured in the same run:
 *   - the emulator's own InvokeEndpoint with the same transaction (what the proxy adds to),
 *   - the framework's ceiling: POST /api/score *without* an API key, answered 401 by the same route
 *     module before any I/O (routing, request and response objects, a JSON body). The empty route
 *     /api/score/noop that used to serve as the ceiling was public in production and read up to
 *     5 MB a request, so it is gone (issue 8); a route that exists only in a non-production build
 *     would measure a different build than the one scored.
 * Prints requests/s and p50/p95/p99 per concurrency and checks the issue's targets; then
 * single-transaction latency for LEGIT and flagged transactions with Clarify's cost modelled by the
 * emulator, before (explanations inline: a tenant with synchronous reasons and a budget they fit in)
 * and after (explanations off the path, the default).
 */
import { parseArgs } from "node:util";
import { toCsvRow } from "@/lib/features/schema";
import { transactionSchema } from "@/lib/features/transaction";
import { EXPLAIN_NONE } from "@/lib/scoring/invoke-endpoint";
import { explanationLatency } from "./score-explanations";
import { formatRow, HEADER, runLoad, type LoadResult } from "./score-load";
import { attachToDemo, createBenchTenant, startDemo } from "./score-stack";

const { values } = parseArgs({
  options: {
    "data-dir": { type: "string" },
    duration: { type: "string", default: "5" },
    "latency-duration": { type: "string", default: "10" },
    "latency-rate": { type: "string", default: "10" },
  },
});
const DURATION = Number(values.duration);
const SINGLE_CONCURRENCY = [1, 2, 4, 16, 64];
const BATCH_CONCURRENCY = [1, 2, 4];
const BATCH_SIZE = 1000;

// A LEGIT transaction: the hot path without a queue write (flagged ones add one DynamoDB put).
const transaction = {
  txn_id: "bench-1",
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
const csvRow = toCsvRow(transactionSchema.parse(transaction));
const batch = Array.from({ length: BATCH_SIZE }, (_, i) => ({ ...transaction, txn_id: `bench-${i}`, amount: 5 + (i % 300) }));
const csvBatch = batch.map((t) => toCsvRow(transactionSchema.parse(t))).join("\n");

async function main(): Promise<void> {
  const target = values["data-dir"] ? await attachToDemo(values["data-dir"]) : await startDemo();
  try {
    const json = { "content-type": "application/json" };
    // The per-key rate limit counts transactions (a batch of 1,000 costs 1,000): the throughput runs
    // use a tenant of the bench's own at the highest limit, so the limiter does not cap the figures.
    const { apiKey } = await createBenchTenant(target, "throughput", { rateLimitPerSecond: 100_000 });
    const scoring = { ...json, authorization: `Bearer ${apiKey}` };
    const invokeUrl = `${target.sagemakerUrl}/endpoints/${target.endpointName}/invocations`;
    const invokeHeaders = {
      "content-type": "text/csv",
      accept: "text/csv",
      "x-amzn-sagemaker-enable-explanations": EXPLAIN_NONE,
    };
    // Warm-up: JIT, connection pools, the model version cache.
    await runLoad({
      name: "warm-up",
      url: `${target.consoleUrl}/api/score`,
      connections: 8,
      durationSeconds: 2,
      headers: scoring,
      body: JSON.stringify(transaction),
    });

    const single: Record<number, { ceiling: LoadResult; emulator: LoadResult; score: LoadResult }> = {};
    console.log(`\nSingle transactions (${DURATION} s per run; ceiling = POST /api/score without a key, 401 before any I/O)\n${HEADER}`);
    for (const c of SINGLE_CONCURRENCY) {
      const run = (name: string, url: string, headers: Record<string, string>, body: string, expectedStatus?: number) =>
        runLoad({ name, url, connections: c, durationSeconds: DURATION, headers, body, expectedStatus });
      const ceiling = await run("route ceiling (401)", `${target.consoleUrl}/api/score`, json, JSON.stringify(transaction), 401);
      const emulator = await run("emulator InvokeEndpoint", invokeUrl, invokeHeaders, csvRow);
      const score = await run("POST /api/score", `${target.consoleUrl}/api/score`, scoring, JSON.stringify(transaction));
      single[c] = { ceiling, emulator, score };
      for (const r of [ceiling, emulator, score]) console.log(formatRow(r));
    }

    console.log(`\nBatches of ${BATCH_SIZE} (rate = transactions/s)\n${HEADER}`);
    const batchRuns: LoadResult[] = [];
    for (const c of BATCH_CONCURRENCY) {
      const emulator = await runLoad({
        name: "emulator InvokeEndpoint ×1000",
        url: invokeUrl,
        connections: c,
        durationSeconds: DURATION,
        headers: invokeHeaders,
        body: csvBatch,
      });
      const scored = await runLoad({
        name: "POST /api/score/batch",
        url: `${target.consoleUrl}/api/score/batch`,
        connections: c,
        durationSeconds: DURATION,
        headers: scoring,
        body: JSON.stringify({ transactions: batch }),
      });
      batchRuns.push(scored);
      console.log(formatRow(emulator, BATCH_SIZE));
      console.log(formatRow(scored, BATCH_SIZE));
    }
    report(single, batchRuns);
    await explanationLatency(target, { durationSeconds: Number(values["latency-duration"]), rate: Number(values["latency-rate"]) });
  } finally {
    await target.stop();
  }
}

function report(single: Record<number, { ceiling: LoadResult; emulator: LoadResult; score: LoadResult }>, batchRuns: LoadResult[]): void {
  console.log("\nTargets");
  for (const c of SINGLE_CONCURRENCY) {
    const s = single[c];
    if (!s) continue;
    const share = s.score.requestsPerSecond / s.ceiling.requestsPerSecond;
    const added = s.score.p95 - s.emulator.p95;
    const parts = [
      `c=${String(c).padEnd(3)} scoring = ${(share * 100).toFixed(0)}% of the route ceiling (target ≥ 70%: ${share >= 0.7 ? "met" : "MISSED"})`,
    ];
    if (c <= 4) parts.push(`p95 added to the emulator's = ${added.toFixed(2)} ms (target ≤ 3 ms: ${added <= 3 ? "met" : "MISSED"})`);
    console.log(`  ${parts.join("; ")}`);
  }
  const best = Math.max(...batchRuns.map((r) => r.requestsPerSecond * BATCH_SIZE));
  console.log(`  batch: best ${best.toFixed(0)} transactions/s (target ≥ 10,000: ${best >= 10_000 ? "met" : "MISSED"})`);
  const failures = [...Object.values(single).flatMap((s) => [s.ceiling, s.emulator, s.score]), ...batchRuns].filter(
    (r) => r.errors + r.non2xx > 0,
  );
  if (failures.length)
    console.log(`  WARNING: errors or non-2xx answers in ${failures.map((f) => `${f.name}@${f.connections}`).join(", ")}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
