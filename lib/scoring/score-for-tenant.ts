import { performance } from "node:perf_hooks";
import type { Transaction } from "@/lib/features/transaction";
import { decisionSampleOf } from "@/lib/metrics/decision-metrics";
import { recordDecision } from "@/lib/metrics/publish-decision-metrics";
import { enqueueTransaction } from "@/lib/queue/enqueue-transaction";
import { cachedSettings } from "@/lib/settings/settings-cache";
import { scoreRow } from "./endpoint-scorer";
import { explainRecord, explanationWorker } from "./explain/live-explanations";
import { createModelVersionResolver } from "./model-versions";
import type { ScoreResult } from "./score-result";
import { scoreTransactions, type ScoringDeps } from "./score-transactions";
import { tenantEndpoint } from "./tenant-endpoint";

const versions = createModelVersionResolver();

const liveDeps: ScoringDeps = {
  scoreRow,
  modelVersion: (endpoint, variant) => versions.versionOf(endpoint, variant),
  enqueue: (item) => enqueueTransaction(item),
  explainLater: (job) => void explanationWorker().submit(job),
  explainNow: explainRecord,
  onModelTrouble: logModelTrouble,
  now: () => performance.now(),
};

/**
 * Scores a request's transactions for the tenant an API key belongs to, with the live AWS clients.
 * `startedAt` (performance.now() at arrival) makes latency_ms cover the whole route.
 */
export async function scoreForTenant(input: {
  tenantId: string;
  transactions: readonly Transaction[];
  startedAt: number;
}): Promise<ScoreResult[]> {
  const [endpointName, settings] = await Promise.all([
    tenantEndpoint({ tenantId: input.tenantId }),
    cachedSettings({ tenantId: input.tenantId }),
  ]);
  await versions.warm(endpointName, input.tenantId).catch(() => undefined);
  const results = await scoreTransactions(
    { tenantId: input.tenantId, endpointName, settings, startedAt: input.startedAt },
    input.transactions,
    liveDeps,
  );
  recordMetrics(input.tenantId, input.transactions, results);
  return results;
}

function recordMetrics(tenantId: string, transactions: readonly Transaction[], results: readonly ScoreResult[]): void {
  const at = Date.now();
  const byId = new Map(transactions.map((t) => [t.txn_id, t]));
  for (const r of results) recordDecision(decisionSampleOf(tenantId, r, byId.get(r.txn_id), at));
}

// Model trouble is expected operational noise (that is what degraded mode is for): log one line per
// kind and second, not one stack per transaction of a 1,000-row batch.
let lastLogged = 0;
function logModelTrouble(error: unknown): void {
  const now = Date.now();
  if (now - lastLogged < 1000) return;
  lastLogged = now;
  const e = error as { name?: string; message?: string };
  console.warn(`scoring degraded: ${e.name ?? "Error"}: ${e.message ?? String(error)}`);
}
