import { isAppError } from "@/lib/errors/app-error";
import type { Actor } from "@/lib/queue/claim-item";
import { toQueueRow, type QueueRow } from "@/lib/queue/queue-row";
import type { Verdict } from "@/lib/queue/queue-item";
import { store } from "@/lib/db/store";
import type { QueueStoreDeps } from "@/lib/queue/deps";
import { recordVerdict } from "./record-verdict";

export interface BulkVerdictResult {
  txnId: string;
  outcome: "applied" | "unchanged" | "conflict" | "not_found";
  message?: string;
  details?: unknown;
  item?: QueueRow;
}

const CONCURRENCY = 8;

/**
 * The same verdict on several items, each its own conditional write (no transactions: one item's
 * conflict must not undo the others'). Idempotent: sending the same request again answers
 * "unchanged" for what was applied, so a retry after a timeout is safe.
 */
export async function recordVerdicts(
  input: { tenantId: string; actor: Actor; verdict: Verdict; note?: string; items: ReadonlyArray<{ txnId: string; version: number }> },
  deps: QueueStoreDeps = {},
): Promise<BulkVerdictResult[]> {
  const now = store(deps).now();
  const results: BulkVerdictResult[] = new Array<BulkVerdictResult>(input.items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < input.items.length) {
      const index = next++;
      const target = input.items[index];
      if (!target) continue;
      results[index] = await one({ ...input, ...target }, now, deps);
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, input.items.length) }, worker));
  return results;
}

async function one(
  input: { tenantId: string; actor: Actor; verdict: Verdict; note?: string; txnId: string; version: number },
  now: Date,
  deps: QueueStoreDeps,
): Promise<BulkVerdictResult> {
  try {
    const { outcome, item } = await recordVerdict(input, deps);
    return { txnId: input.txnId, outcome, item: toQueueRow(item, now) };
  } catch (error) {
    if (!isAppError(error) || (error.code !== "conflict" && error.code !== "not_found")) throw error;
    return {
      txnId: input.txnId,
      outcome: error.code === "conflict" ? "conflict" : "not_found",
      message: error.message,
      details: error.details,
    };
  }
}
