import { buildWaterfall, type Waterfall } from "@/lib/explanations/waterfall";
import { summarizeFlag } from "@/lib/explanations/summarize";
import { notFound } from "./claim-item";
import { store } from "@/lib/db/store";
import type { QueueStoreDeps } from "./deps";
import { getQueueItem } from "./get-queue-item";
import { listRelated, type RelatedRow } from "./list-related";
import { activeClaim, type QueueItem } from "./queue-item";

export interface TransactionDetail {
  item: QueueItem;
  summary: string;
  waterfall: Waterfall | null;
  related: RelatedRow[];
}

/** A queued transaction with its evidence explained, or 404 (also for another tenant's txn_id). */
export async function getTransactionDetail(
  input: { tenantId: string; txnId: string },
  deps: QueueStoreDeps = {},
): Promise<TransactionDetail> {
  const item = await getQueueItem(input, deps);
  if (!item) throw notFound(input.txnId);
  const related = await listRelated({ tenantId: input.tenantId, item }, deps);
  return {
    item: { ...item, claim: activeClaim(item, store(deps).now()) },
    summary: summarizeFlag(item),
    waterfall: buildWaterfall(item),
    related,
  };
}
