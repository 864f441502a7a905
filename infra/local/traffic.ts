/**
 * Live demo traffic: scores simulated transactions through POST /api/score with each tenant's API
 * key, as a payment app would, so the queue, metrics and capture keep moving while the demo runs.
 * Usage: traffic.ts --demo-file .data/demo.json [--rate 1] (transactions per second per tenant).
 * Fraud is oversampled (3× each tenant's natural rate) so that the review queue visibly fills, and
 * the demo's drift (seed/demo-drift.ts, from demo.json's driftOnset) keeps emerging.
 */
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { createTransactionGenerator } from "@/infra/model/simulator/generator";
import { TENANT_PROFILES, type TenantId } from "@/infra/model/simulator/tenants";
import { demoDriftOptions } from "./seed/demo-drift";

const FRAUD_OVERSAMPLING = 3;

const { values } = parseArgs({ options: { "demo-file": { type: "string" }, rate: { type: "string", default: "1" } } });
if (!values["demo-file"]) {
  console.error("usage: traffic.ts --demo-file DIR/demo.json [--rate N]");
  process.exit(2);
}
const demo = JSON.parse(await readFile(values["demo-file"], "utf8")) as {
  consoleUrl: string;
  apiKeys: Record<string, string>;
  driftOnset?: string;
};
const intervalMs = 1000 / Math.max(0.1, Number(values.rate));
// A new prefix per run: txn_ids must not repeat across restarts, or the idempotent queue would drop them.
const runId = randomBytes(3).toString("hex");

let stopping = false;
const counts = { sent: 0, failed: 0 };

async function runTenant(tenantId: TenantId, apiKey: string): Promise<void> {
  const generator = createTransactionGenerator({
    tenant: tenantId,
    seed: Date.now() % 1_000_000,
    fraudRate: TENANT_PROFILES[tenantId].fraudRate * FRAUD_OVERSAMPLING,
    idPrefix: `live-${runId}`,
    // The demo's drift continues live from where the seeded history left it.
    ...(demo.driftOnset && demoDriftOptions(tenantId, new Date(demo.driftOnset), new Date())),
  });
  while (!stopping) {
    const { transaction } = generator.next(new Date());
    try {
      const response = await fetch(`${demo.consoleUrl}/api/score`, {
        method: "POST",
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        body: JSON.stringify(transaction),
      });
      await response.arrayBuffer();
      if (response.ok) counts.sent++;
      else counts.failed++;
    } catch {
      counts.failed++;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

const tenants = Object.entries(demo.apiKeys).filter((entry): entry is [TenantId, string] => entry[0] in TENANT_PROFILES);
console.log(`ready traffic for ${tenants.map(([t]) => t).join(", ")} at ${values.rate}/s each`);
const report = setInterval(() => console.log(`scored ${counts.sent}, failed ${counts.failed}`), 60_000);
const stop = () => {
  stopping = true;
  clearInterval(report);
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
// The launcher's IPC channel closes when it ends, however it ends: never outlive it.
process.on("disconnect", stop);
await Promise.all(tenants.map(([tenant, key]) => runTenant(tenant, key)));
