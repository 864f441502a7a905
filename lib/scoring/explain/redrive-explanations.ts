import type { QueueStoreDeps } from "@/lib/queue/deps";
import { EXPLANATION_LEASE_MS, isStale } from "@/lib/queue/explanation";
import { listStaleExplanations } from "@/lib/queue/list-stale-explanations";
import type { QueueItem } from "@/lib/queue/queue-item";
import { leaseExplanation, recordExplanationFailure } from "@/lib/queue/record-explanation";
import { jobForItem } from "./explanation-job";
import { MAX_EXPLANATION_ATTEMPTS, type ExplanationWorker } from "./explanation-worker";
import { explanationWorker } from "./live-explanations";

export type RedriveOutcome = "submitted" | "not_stale" | "taken" | "failed" | "dropped";

export interface RedriveDeps extends QueueStoreDeps {
  worker?: ExplanationWorker;
  maxAttempts?: number;
}

/**
 * Takes up one item's pending explanation when nobody owns it any more (its lease ran out: the
 * instance that queued it crashed, dropped the job under load, or lost a retry). One conditional
 * write takes the lease, so among several instances (or polling tabs) only one asks Clarify again;
 * an item out of attempts is marked failed instead.
 */
export async function redriveExplanation(input: { item: QueueItem }, deps: RedriveDeps = {}): Promise<RedriveOutcome> {
  const { item } = input;
  const now = deps.now?.() ?? new Date();
  if (!isStale(item.explanation, now) || !item.explanation) return "not_stale";
  const target = { tenantId: item.tenantId, txnId: item.txnId };
  const job = jobForItem(item);
  const attempts = item.explanation.attempts;
  if (!job || attempts >= (deps.maxAttempts ?? MAX_EXPLANATION_ATTEMPTS)) {
    const error = job ? `gave up after ${attempts} attempts: ${item.explanation.lastError ?? "no answer"}` : "no model variant to explain";
    return (await recordExplanationFailure({ ...target, attempts, error }, deps)) === "applied" ? "failed" : "taken";
  }
  const leased = await leaseExplanation(
    { ...target, seenLeaseUntil: item.explanation.leaseUntil, leaseUntil: new Date(now.getTime() + EXPLANATION_LEASE_MS) },
    deps,
  );
  if (leased === "unchanged") return "taken";
  return (deps.worker ?? explanationWorker()).submit(job) ? "submitted" : "dropped";
}

/**
 * Re-drives every stale pending explanation of a tenant (recent items, lib/queue/list-stale-explanations.ts).
 * For a route, a Lambda on a schedule, or the local scheduler; returns what it did per outcome.
 */
export async function redriveStaleExplanations(
  input: { tenantId: string; lookbackMs?: number },
  deps: RedriveDeps = {},
): Promise<Record<RedriveOutcome, number>> {
  const items = await listStaleExplanations(input, deps);
  const counts: Record<RedriveOutcome, number> = { submitted: 0, not_stale: 0, taken: 0, failed: 0, dropped: 0 };
  for (const item of items) counts[await redriveExplanation({ item }, deps)] += 1;
  return counts;
}
