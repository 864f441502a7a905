import { buildWaterfall, type Waterfall } from "@/lib/explanations/waterfall";
import { summarizeFlag } from "@/lib/explanations/summarize";
import { notFound } from "./claim-item";
import { store } from "@/lib/db/store";
import type { QueueStoreDeps } from "./deps";
import { explanationStatus, isStale, type ExplanationStatus } from "./explanation";
import { getQueueItem } from "./get-queue-item";
import { listRelated, type RelatedRow } from "./list-related";
import { activeClaim, type QueueItem } from "./queue-item";

export interface TransactionDetail {
  item: QueueItem;
  summary: string;
  /** `pending` until the attributions arrive (the page polls), `failed` with item.explanation.lastError. */
  explanation: ExplanationStatus;
  waterfall: Waterfall | null;
  related: RelatedRow[];
}

export interface TransactionDetailDeps extends QueueStoreDeps {
  /** Called with an item whose pending explanation nobody owns any more (lib/scoring/explain re-drives it). */
  onStaleExplanation?: (item: QueueItem) => Promise<unknown>;
}

/** A queued transaction with its evidence explained, or 404 (also for another tenant's txn_id). */
export async function getTransactionDetail(
  input: { tenantId: string; txnId: string },
  deps: TransactionDetailDeps = {},
): Promise<TransactionDetail> {
  const item = await getQueueItem(input, deps);
  if (!item) throw notFound(input.txnId);
  const now = store(deps).now();
  // Never fails the page: a re-drive that cannot be taken now is tried again on the next poll.
  if (deps.onStaleExplanation && isStale(item.explanation, now))
    await deps.onStaleExplanation(item).catch((error: unknown) => console.warn("explanation re-drive failed", error));
  const related = await listRelated({ tenantId: input.tenantId, item }, deps);
  const explanation = explanationStatus(item);
  return {
    item: { ...item, claim: activeClaim(item, now) },
    summary: explanation === "pending" || explanation === "failed" ? unexplainedSummary(item, explanation) : summarizeFlag(item),
    explanation,
    waterfall: buildWaterfall(item),
    related,
  };
}

function unexplainedSummary(item: QueueItem, explanation: "pending" | "failed"): string {
  const score = item.score == null ? "" : ` (${item.score.toFixed(3)})`;
  const rules = item.ruleHits.length ? ` Rule ${item.ruleHits.map((h) => `“${h.description}”`).join(", ")} also fired.` : "";
  const why =
    explanation === "pending"
      ? "its explanation is still being computed"
      : `its explanation could not be computed (${item.explanation?.lastError ?? "no reason recorded"})`;
  return `Flagged on the model's score${score}; ${why}.${rules}`;
}
