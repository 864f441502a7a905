import { enqueueTransaction } from "@/lib/queue/enqueue-transaction";
import type { QueueItem } from "@/lib/queue/queue-item";

/** A tenant of its own per test file: queue partitions are per tenant, so nothing else lands in its views. */
export function testTenant(label: string): string {
  return `qt-${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

let sequence = 0;

/** Queues a flagged transaction as the scoring path would, with explicit score, time and context. */
export async function queueItem(
  tenantId: string,
  overrides: Partial<QueueItem> & { amount?: number; customerId?: string } = {},
): Promise<QueueItem> {
  const txnId = overrides.txnId ?? `q-${++sequence}-${Math.random().toString(36).slice(2, 8)}`;
  const { amount = 100, customerId, ...rest } = overrides;
  const item: QueueItem = {
    tenantId,
    txnId,
    status: "open",
    decision: "SUSPICIOUS",
    score: 0.9,
    reasons: [],
    attributions: [
      { feature: "amount", attribution: 1.5 },
      { feature: "geo", attribution: -0.2 },
    ],
    baseValue: -4,
    ruleHits: [],
    features: { amount, geo: 1 },
    transaction: { txn_id: txnId, amount, customer_id: customerId, card_id: customerId ? `card-${customerId}` : undefined },
    model: { endpoint: "fraud-test", variant: "production", version: "2" },
    degraded: false,
    createdAt: new Date().toISOString(),
    ...rest,
  };
  return (await enqueueTransaction(item)).item;
}

export const analyst = (tenantId: string, name = "a") => ({ id: `${name}@${tenantId}.test`, name: `Analyst ${name.toUpperCase()}` });
