import type { FeatureValue } from "@/lib/features/schema";
import type { Transaction } from "@/lib/features/transaction";
import type { Decision } from "@/lib/scoring/decision";
import type { FeatureAttribution } from "@/lib/scoring/parse-invocation";
import type { RuleHit } from "@/lib/scoring/screen-rules";
import type { Reason } from "@/lib/scoring/top-reasons";

export const QUEUE_STATUSES = ["open", "in_review", "closed"] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export interface ModelRef {
  endpoint: string;
  /** The production variant that answered; null when the model was not asked or did not answer. */
  variant: string | null;
  version: string | null;
}

/**
 * A transaction waiting for an analyst: everything needed to judge it later without re-scoring
 * (the model may have changed since), written once per (tenant, txn_id).
 */
export interface QueueItem {
  tenantId: string;
  txnId: string;
  status: QueueStatus;
  decision: Exclude<Decision, "LEGIT">;
  score: number | null;
  reasons: Reason[];
  attributions: FeatureAttribution[] | null;
  /** logit(score) − Σ attributions (Clarify gives none). */
  baseValue: number | null;
  ruleHits: RuleHit[];
  /** Model inputs by feature name, as sent to the endpoint. */
  features: Record<string, FeatureValue>;
  transaction: Transaction;
  model: ModelRef | null;
  degraded: boolean;
  createdAt: string;
}
