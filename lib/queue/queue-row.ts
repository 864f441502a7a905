import type { Reason } from "@/lib/scoring/top-reasons";
import { explanationStatus, type ExplanationStatus } from "./explanation";
import { activeClaim, type Claim, type ModelRef, type QueueItem, type QueueStatus, type VerdictRecord } from "./queue-item";

/** One line of the queue list: what an analyst scans, without the evidence the detail page shows. */
export interface QueueRow {
  txnId: string;
  status: QueueStatus;
  decision: QueueItem["decision"];
  score: number | null;
  amount: number;
  currency: string | null;
  /** Null while the explanation is pending or failed (`explanation` says which). */
  topReason: Reason | null;
  explanation: ExplanationStatus;
  ruleHitCount: number;
  model: ModelRef | null;
  degraded: boolean;
  createdAt: string;
  version: number;
  /** Only a claim that has not expired. */
  claim: Claim | null;
  verdict: VerdictRecord | null;
}

/** The attributes a row needs; the list reads only these (smaller pages, faster unmarshalling). */
export const ROW_ATTRIBUTES = [
  "txnId",
  "status",
  "decision",
  "score",
  "reasons",
  "explanation",
  "ruleHits",
  "model",
  "degraded",
  "createdAt",
  "version",
  "claim",
  "verdict",
];

export function toQueueRow(item: Partial<QueueItem> & Pick<QueueItem, "txnId" | "status" | "decision" | "createdAt">, now: Date): QueueRow {
  const transaction = item.transaction;
  return {
    txnId: item.txnId,
    status: item.status,
    decision: item.decision,
    score: item.score ?? null,
    amount: transaction?.amount ?? 0,
    currency: transaction?.currency ?? null,
    topReason: item.reasons?.[0] ?? null,
    // The list reads no attributions; an item from before explanation states with reasons was explained.
    explanation: item.explanation ? explanationStatus(item) : item.reasons?.length ? "ready" : "none",
    ruleHitCount: item.ruleHits?.length ?? 0,
    model: item.model ?? null,
    degraded: item.degraded ?? false,
    createdAt: item.createdAt,
    version: item.version ?? 1,
    claim: activeClaim({ claim: item.claim ?? null }, now),
    verdict: item.verdict ?? null,
  };
}
