import { explanationStatus, type ExplanationStatus } from "@/lib/queue/explanation";
import type { ModelRef, QueueItem } from "@/lib/queue/queue-item";
import type { Decision } from "./decision";
import type { RuleHit } from "./screen-rules";
import type { Reason } from "./top-reasons";

/** The answer to a payment app for one transaction (POST /api/score, one element of a batch). */
export interface ScoreResult {
  txn_id: string;
  decision: Decision;
  /** Probability of fraud from the model; null when the model was not asked or did not answer. */
  score: number | null;
  /**
   * Top features pushing towards fraud. Empty for LEGIT, for rule-only and degraded decisions, and
   * for a flagged transaction whose explanation is still `pending` (computed after the answer).
   */
  reasons: Reason[];
  /** `pending` until the queue item's attributions arrive; `none` when there is nothing to explain. */
  explanation: ExplanationStatus;
  rule_hits: RuleHit[];
  model: ModelRef;
  /** True when the model failed or was too slow and rules + fail mode decided. */
  degraded: boolean;
  latency_ms: number;
}

/** The original decision of an already queued txn_id, answered again to a retry. */
export function resultFromQueueItem(item: QueueItem, endpoint: string, latencyMs: number): ScoreResult {
  return {
    txn_id: item.txnId,
    decision: item.decision,
    score: item.score,
    reasons: item.reasons,
    explanation: explanationStatus(item),
    rule_hits: item.ruleHits,
    model: item.model ?? { endpoint, variant: null, version: null },
    degraded: item.degraded,
    latency_ms: latencyMs,
  };
}
