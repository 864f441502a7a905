import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { GlobalExplanations } from "@/lib/explanations/get-global-explanations";
import type { BulkVerdictResult } from "@/lib/feedback/record-verdicts";
import type { VerdictOutcome } from "@/lib/feedback/record-verdict";
import type { QueuePageWithCounts } from "@/lib/queue/get-queue-page";
import type { TransactionDetail } from "@/lib/queue/get-transaction-detail";
import { queueFiltersToParams, type QueueFilters } from "@/lib/queue/queue-filters";
import type { Claim, Verdict } from "@/lib/queue/queue-item";
import { apiFetch } from "./api-fetch";

/**
 * Query factories of the review queue, shared by the server prefetch and the client. The list
 * polls every 15 s (new flagged transactions arrive all the time; the analyst's selection is kept
 * by txn_id, so a refresh never moves their place); the detail is refreshed on demand.
 */
export const QUEUE_REFRESH_MS = 15_000;

export type QueueView = Omit<QueueFilters, "cursor">;

export const queueKeys = {
  all: ["queue"] as const,
  list: (view: QueueView) => ["queue", "list", queueFiltersToParams(view).toString(), view.limit] as const,
  transaction: (txnId: string) => ["queue", "transaction", txnId] as const,
  explanations: (days: number) => ["explanations", days] as const,
};

export function queuePageUrl(view: QueueView, cursor: string | null): string {
  const params = queueFiltersToParams(view);
  params.set("limit", String(view.limit));
  if (cursor) params.set("cursor", cursor);
  return `/api/queue?${params.toString()}`;
}

export const queueListOptions = (view: QueueView) =>
  infiniteQueryOptions({
    queryKey: queueKeys.list(view),
    queryFn: ({ pageParam }) => apiFetch<QueuePageWithCounts>(queuePageUrl(view, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: QUEUE_REFRESH_MS,
    // Filters change often; the previous rows stay on screen (dimmed) until the new ones arrive.
    placeholderData: (previous) => previous,
  });

/** While an explanation is pending the detail polls for it; it stops once ready or failed, or on error. */
export const EXPLANATION_POLL_MS = 2_000;

export const transactionOptions = (txnId: string) =>
  queryOptions({
    queryKey: queueKeys.transaction(txnId),
    queryFn: () => apiFetch<TransactionDetail>(`/api/transactions/${encodeURIComponent(txnId)}`),
    refetchInterval: (query) =>
      query.state.status !== "error" && query.state.data?.explanation === "pending" ? EXPLANATION_POLL_MS : false,
  });

export const explanationsOptions = (days: number) =>
  queryOptions({
    queryKey: queueKeys.explanations(days),
    queryFn: () => apiFetch<GlobalExplanations>(`/api/explanations?days=${days}`),
    refetchInterval: 60_000,
  });

const postJson = <T>(path: string, body: unknown) =>
  apiFetch<T>(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

export function claimTransaction(txnId: string, takeOver = false) {
  return postJson<{ claim: Claim; version: number; status: string }>(`/api/transactions/${encodeURIComponent(txnId)}/claim`, { takeOver });
}

/** Fire-and-forget on leaving the page; keepalive lets it outlive the navigation. */
export function releaseClaim(txnId: string): void {
  void fetch(`/api/transactions/${encodeURIComponent(txnId)}/claim`, { method: "DELETE", keepalive: true }).catch(() => undefined);
}

export function postVerdict(txnId: string, body: { verdict: Verdict; note?: string; version: number }) {
  return postJson<VerdictOutcome>(`/api/transactions/${encodeURIComponent(txnId)}/verdict`, body);
}

export function postBulkVerdict(body: { verdict: Verdict; note?: string; items: Array<{ txnId: string; version: number }> }) {
  return postJson<{ results: BulkVerdictResult[] }>("/api/verdicts", body);
}
