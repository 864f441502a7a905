import { formatRow, HEADER, runLoad, type LoadResult } from "./score-load";
import { createBenchTenant, type BenchTarget } from "./score-stack";

/**
 * Single-transaction latency of POST /api/score with Clarify's cost modelled by the emulator (Kernel
 * SHAP's synthetic dataset, baseline rows × n_samples model evaluations per explained record, on the
 * demo endpoint's own ExplainerConfig), for a LEGIT and a flagged transaction:
 *   - before: explanations inline. A tenant of the bench's own with synchronous reasons and a 10 s
 *     budget, so every flagged answer waits for its explanation, as scoring did when it asked Clarify
 *     inline (with a budget below Clarify's cost that answer was degraded instead);
 *   - after: explanations off the path (the default): the answer never waits, a background worker
 *     asks Clarify afterwards.
 * One connection at a fixed rate with a fresh txn_id per request (the queue is idempotent per id), so
 * every flagged request is really scored, queued and explained, and the worker keeps up. Locally the
 * emulator computes the explanations on the same two cores as the console; on AWS they run on the
 * endpoint's instances.
 */

const LEGIT = {
  amount: 42.5,
  currency: "USD",
  device: "mobile",
  country: "US",
  home_country: "US",
  txn_count_1h: 1,
  account_age_days: 400,
};
const FLAGGED = { amount: 5000, geo: "unknown", device: "rooted-phone", customer_avg_amount_30d: 60 };

interface Mode {
  label: string;
  tenantId: string;
  apiKey: string;
}

async function createBenchTenants(target: BenchTarget): Promise<{ before: Mode; after: Mode }> {
  const { DEFAULT_TENANT_SETTINGS } = await import("@/lib/settings/tenant-settings");
  const make = async (label: string, name: string, synchronousReasons: boolean, timeoutBudgetMs: number): Promise<Mode> => ({
    label,
    ...(await createBenchTenant(target, name, { synchronousReasons, timeoutBudgetMs })),
  });
  return {
    before: await make("before (inline)", "inline", true, 10_000),
    after: await make("after (off path)", "offpath", false, DEFAULT_TENANT_SETTINGS.timeoutBudgetMs),
  };
}

async function probe(target: BenchTarget, mode: Mode, body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${target.consoleUrl}/api/score`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${mode.apiKey}` },
    body: JSON.stringify({ txn_id: `probe-${Math.random().toString(36).slice(2)}`, ...body }),
  });
  const answer = (await response.json()) as { decision?: string; degraded?: boolean; explanation?: string; reasons?: unknown[] };
  return `${response.status} ${answer.decision} degraded=${answer.degraded} explanation=${answer.explanation} reasons=${answer.reasons?.length ?? 0}`;
}

export async function explanationLatency(target: BenchTarget, options: { durationSeconds: number; rate: number }): Promise<void> {
  const modes = await createBenchTenants(target);
  console.log(
    `\nSingle-transaction latency with Clarify's cost modelled (endpoint ${target.endpointName}; 1 connection, ` +
      `${options.rate} req/s, ${options.durationSeconds} s per run, a fresh txn_id per request)`,
  );
  for (const mode of [modes.before, modes.after])
    for (const [kind, body] of [
      ["LEGIT", LEGIT],
      ["flagged", FLAGGED],
    ] as const)
      console.log(`  probe ${kind.padEnd(7)} ${mode.label.padEnd(17)}: ${await probe(target, mode, body)}`);
  console.log(HEADER);
  const results: Record<string, LoadResult> = {};
  for (const [kind, body] of [
    ["LEGIT", LEGIT],
    ["flagged", FLAGGED],
  ] as const) {
    for (const mode of [modes.before, modes.after]) {
      const result = await runLoad({
        name: `${kind} ${mode.label}`,
        url: `${target.consoleUrl}/api/score`,
        connections: 1,
        durationSeconds: options.durationSeconds,
        overallRate: options.rate,
        idReplacement: true,
        headers: { "content-type": "application/json", authorization: `Bearer ${mode.apiKey}` },
        body: JSON.stringify({ txn_id: `bench-[<id>]`, ...body }),
      });
      results[`${kind}:${mode.label}`] = result;
      console.log(formatRow(result));
    }
  }
  const flaggedBefore = results[`flagged:${modes.before.label}`];
  const flaggedAfter = results[`flagged:${modes.after.label}`];
  if (flaggedBefore && flaggedAfter)
    console.log(
      `  flagged p95: ${flaggedBefore.p95.toFixed(2)} ms inline → ${flaggedAfter.p95.toFixed(2)} ms off the path ` +
        `(p50 ${flaggedBefore.p50.toFixed(2)} → ${flaggedAfter.p50.toFixed(2)} ms)`,
    );
}
