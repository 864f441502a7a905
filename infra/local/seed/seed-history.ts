import { performance } from "node:perf_hooks";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { createTransactionGenerator, type SimulatedTransaction } from "@/infra/model/simulator/generator";
import { TENANT_PROFILES, type TenantId } from "@/infra/model/simulator/tenants";
import { isAppError } from "@/lib/errors/app-error";
import { documentClient } from "@/lib/aws/clients";
import { seedMarkerSk, tenantPk } from "@/lib/db/keys";
import { env } from "@/lib/env";
import { recordVerdict } from "@/lib/feedback/record-verdict";
import { decisionSampleOf } from "@/lib/metrics/decision-metrics";
import { recordDecision } from "@/lib/metrics/publish-decision-metrics";
import { flushMetrics } from "@/lib/metrics/publish-metrics";
import { enqueueTransaction } from "@/lib/queue/enqueue-transaction";
import type { QueueItem, Verdict } from "@/lib/queue/queue-item";
import { scoreRow } from "@/lib/scoring/endpoint-scorer";
import { explainRecord, explanationWorker } from "@/lib/scoring/explain/live-explanations";
import { redriveStaleExplanations } from "@/lib/scoring/explain/redrive-explanations";
import { createModelVersionResolver } from "@/lib/scoring/model-versions";
import { scoreTransactions } from "@/lib/scoring/score-transactions";
import { getSettings } from "@/lib/settings/get-settings";
import { demoDriftOptions } from "./demo-drift";
import type { DemoTenant } from "./demo-tenants";
import { demoEmail } from "./demo-tenants";

/**
 * Days of past traffic per tenant, scored through the real scoring path (the tenant's endpoint,
 * rules and thresholds), so the queue opens with real scores and SHAP attributions. Items get their
 * simulated time as createdAt, their SHAP explanations from the same background worker as live
 * scoring (drained before the marker is written, so every screen opens with waterfalls), and analysts' verdicts (from the simulator's ground truth) on most
 * items older than half a day, so precision and the label export show something. Idempotent: a
 * marker item per tenant is written last and checked first, so a restart costs one GetItem.
 */
const MARKER = seedMarkerSk("history-v1");
const HISTORY_DAYS = 3;
const TRANSACTIONS_PER_TENANT = 5_000;
/** Fraud oversampled as in the live traffic simulator, so a few hundred items reach the queue. */
const FRAUD_OVERSAMPLING = 5;
const CHUNK = 400;
const VERIFIED_AFTER_MS = 12 * 3_600_000;
const VERIFIED_SHARE = 0.75;
/** Every n-th verified item is escalated instead. */
const ESCALATE_EVERY = 20;

export interface HistorySummary {
  tenantId: string;
  skipped: boolean;
  queued: number;
  verdicts: number;
}

/** `driftOnset`: the demo's drift (demo-drift.ts) shows in the history too, as in its data capture. */
export async function seedHistory(tenants: readonly DemoTenant[], now: Date = new Date(), driftOnset?: Date): Promise<HistorySummary[]> {
  return Promise.all(tenants.map((tenant) => seedTenantHistory(tenant, now, driftOnset)));
}

async function seedTenantHistory(tenant: DemoTenant, now: Date, driftOnset: Date | undefined): Promise<HistorySummary> {
  const db = documentClient();
  const TableName = env().TABLE_NAME;
  const markerKey = { PK: tenantPk(tenant.tenantId), SK: MARKER };
  if ((await db.send(new GetCommand({ TableName, Key: markerKey }))).Item) {
    // A restart after a crash: explanations it left pending (their lease ran out) are asked for again.
    await redriveStaleExplanations({ tenantId: tenant.tenantId });
    await explanationWorker().idle();
    return { tenantId: tenant.tenantId, skipped: true, queued: 0, verdicts: 0 };
  }

  const simulated = simulate(tenant.tenantId as TenantId, now, driftOnset);
  const truth = new Map(simulated.map((s) => [s.sim.transaction.txn_id, s]));
  const versions = createModelVersionResolver();
  await versions.warm(tenant.endpointName).catch(() => undefined);
  const { settings } = await getSettings({ tenantId: tenant.tenantId });
  const queued: QueueItem[] = [];
  const worker = explanationWorker();
  for (let i = 0; i < simulated.length; i += CHUNK) {
    const chunk = simulated.slice(i, i + CHUNK).map((s) => s.sim.transaction);
    const results = await scoreTransactions(
      {
        tenantId: tenant.tenantId,
        endpointName: tenant.endpointName,
        settings: { ...settings, timeoutBudgetMs: 5_000 },
        startedAt: performance.now(),
      },
      chunk,
      {
        scoreRow,
        modelVersion: (endpoint, variant) => versions.versionOf(endpoint, variant),
        enqueue: async (item) => {
          const result = await enqueueTransaction({ ...item, createdAt: truth.get(item.txnId)?.at.toISOString() ?? item.createdAt });
          queued.push(result.item);
          return result;
        },
        explainLater: (job) => void worker.submit(job),
        explainNow: explainRecord,
        now: () => performance.now(),
      },
    );
    // The dashboards' scoring metrics, dated when each transaction was (simulated to be) scored.
    // Without a latency: a chunk is scored as one batch, so a result's latency_ms is the time since
    // the chunk began (seconds by its end), not an answer's; the dashboards and the error budget
    // would show a p95 no payment app ever waited. Live traffic publishes real latencies.
    for (const result of results) {
      const past = truth.get(result.txn_id);
      if (past) recordDecision({ ...decisionSampleOf(tenant.tenantId, result, past.sim.transaction, past.at.getTime()), latencyMs: null });
    }
  }
  await worker.idle();
  const verdicts = await recordPastVerdicts(tenant, queued, truth, now);
  await flushMetrics();
  await db.send(new PutCommand({ TableName, Item: { ...markerKey, seededAt: now.toISOString(), queued: queued.length, verdicts } }));
  return { tenantId: tenant.tenantId, skipped: false, queued: queued.length, verdicts };
}

function simulate(tenantId: TenantId, now: Date, driftOnset: Date | undefined): Array<{ sim: SimulatedTransaction; at: Date }> {
  const generator = createTransactionGenerator({
    tenant: tenantId,
    seed: 20_260_101,
    fraudRate: TENANT_PROFILES[tenantId].fraudRate * FRAUD_OVERSAMPLING,
    idPrefix: "hist",
    ...(driftOnset && demoDriftOptions(tenantId, driftOnset, now)),
  });
  const start = now.getTime() - HISTORY_DAYS * 86_400_000;
  const step = (HISTORY_DAYS * 86_400_000 - 10 * 60_000) / TRANSACTIONS_PER_TENANT;
  return Array.from({ length: TRANSACTIONS_PER_TENANT }, (_, i) => {
    const at = new Date(start + Math.floor(i * step));
    return { sim: generator.next(at), at };
  });
}

/** A deterministic share of the older items gets the verdict the ground truth calls for. */
async function recordPastVerdicts(
  tenant: DemoTenant,
  items: readonly QueueItem[],
  truth: Map<string, { sim: SimulatedTransaction; at: Date }>,
  now: Date,
): Promise<number> {
  const actor = { id: demoEmail("analyst", tenant.tenantId), name: `Fraud analyst, ${tenant.name}` };
  const due = items.filter((item, i) => now.getTime() - Date.parse(item.createdAt) > VERIFIED_AFTER_MS && (i * 0.618) % 1 < VERIFIED_SHARE);
  let recorded = 0;
  const worker = async () => {
    for (let item = due.pop(); item; item = due.pop()) {
      const isFraud = truth.get(item.txnId)?.sim.isFraud ?? false;
      const verdict: Verdict = due.length % ESCALATE_EVERY === 0 ? "escalate" : isFraud ? "fraud" : "legit";
      const decidedAt = new Date(Date.parse(item.createdAt) + 20 * 60_000);
      try {
        await recordVerdict({ tenantId: tenant.tenantId, txnId: item.txnId, actor, verdict, version: 1 }, { now: () => decidedAt });
        recorded++;
      } catch (error) {
        // A restart after a partial seed meets its own earlier verdicts: fine.
        if (!isAppError(error) || error.code !== "conflict") throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return recorded;
}
