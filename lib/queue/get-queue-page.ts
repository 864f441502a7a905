import type { QueueStoreDeps } from "./deps";
import { listQueue, type QueuePage } from "./list-queue";
import { getQueueCounts, type QueueCounts } from "./queue-counts";
import type { QueueFilters } from "./queue-filters";

export interface QueuePageWithCounts extends QueuePage {
  /** Per status; only on the first page (deeper pages are continuations of the same view). */
  counts: QueueCounts | null;
}

/** What GET /api/queue answers: a page of rows and, on the first page, the counts per status. */
export async function getQueuePage(input: { tenantId: string } & QueueFilters, deps: QueueStoreDeps = {}): Promise<QueuePageWithCounts> {
  const [page, counts] = await Promise.all([
    listQueue(input, deps),
    input.cursor ? null : getQueueCounts({ tenantId: input.tenantId }, deps),
  ]);
  return { ...page, counts };
}
