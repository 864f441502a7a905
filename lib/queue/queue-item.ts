import type { FeatureValue } from "@/lib/features/schema";
import type { Transaction } from "@/lib/features/transaction";
import type { Decision } from "@/lib/scoring/decision";
import type { FeatureAttribution } from "@/lib/scoring/parse-invocation";
import type { RuleHit } from "@/lib/scoring/screen-rules";
import type { Reason } from "@/lib/scoring/top-reasons";
import type { ExplanationState } from "./explanation";

/**
 * Where an item is in review. `open` is pending (the scoring path writes it); `escalated` still waits
 * for a senior analyst; the two verified states are final labels for retraining.
 */
export const QUEUE_STATUSES = ["open", "escalated", "confirmed_fraud", "false_positive"] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export const PENDING_STATUSES: readonly QueueStatus[] = ["open", "escalated"];
export const VERIFIED_STATUSES: readonly QueueStatus[] = ["confirmed_fraud", "false_positive"];

export const STATUS_LABELS: Record<QueueStatus, string> = {
  open: "Pending",
  escalated: "Escalated",
  confirmed_fraud: "Confirmed fraud",
  false_positive: "False positive",
};

export const VERDICTS = ["fraud", "legit", "escalate"] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_STATUS: Record<Verdict, QueueStatus> = {
  fraud: "confirmed_fraud",
  legit: "false_positive",
  escalate: "escalated",
};

export const VERDICT_LABELS: Record<Verdict, string> = {
  fraud: "Confirm fraud",
  legit: "False positive",
  escalate: "Escalate",
};

export interface ModelRef {
  endpoint: string;
  /** The production variant that answered; null when the model was not asked or did not answer. */
  variant: string | null;
  version: string | null;
}

/** Who is working on an item; expires by itself (checked against the clock in every condition). */
export interface Claim {
  by: string;
  name: string;
  expiresAt: string;
}

export interface VerdictRecord {
  verdict: Verdict;
  note: string | null;
  by: string;
  byName: string;
  at: string;
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
  /**
   * The SHAP explanation's progress (lib/queue/explanation.ts); null when there is nothing to explain
   * (a rule decided or the model did not answer). Absent on items queued before it existed.
   */
  explanation?: ExplanationState | null;
  /** Optimistic-concurrency version: 1 when queued, +1 per verdict. Absent on items written before it existed. */
  version?: number;
  claim?: Claim | null;
  verdict?: VerdictRecord | null;
}

export function isPending(status: QueueStatus): boolean {
  return PENDING_STATUSES.includes(status);
}

/** A claim that has not expired at `now`. */
export function activeClaim(item: Pick<QueueItem, "claim">, now: Date): Claim | null {
  const claim = item.claim;
  return claim && Date.parse(claim.expiresAt) > now.getTime() ? claim : null;
}
