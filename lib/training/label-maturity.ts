import type { QueueStatus } from "@/lib/queue/queue-item";

/**
 * Which analyst verdicts are matured labels. infra/model/pipeline/label-maturity.ts models why the
 * question matters: a fraud is known only once it is reported (chargebacks arrive days to weeks
 * later), and a training set that counts the not-yet-reported as legitimate teaches the model that
 * those frauds are fine — the rushed retrain v3 is exactly that. For verdicts the rule is:
 *
 * - a confirmed fraud is a label at once: the fraud is reported (an analyst confirmed it);
 * - a false positive (legitimate) is a label only once its transaction is `legitAfterHours` old at
 *   the cut-off, so that a chargeback had time to contradict the analyst;
 * - escalations and unreviewed items are never labels, and nothing is ever inferred from the
 *   model's own scores (no pseudo-labels).
 */
export interface MaturityRule {
  legitAfterHours: number;
}

export function describeMaturity(rule: MaturityRule): string {
  return `confirmed fraud counts at once; a false positive counts once its transaction is ${rule.legitAfterHours} h old at the cut-off; escalated and unreviewed items never count`;
}

export function isMaturedLabel(item: { status: QueueStatus; createdAt: string }, cutoff: Date, rule: MaturityRule): boolean {
  if (item.status === "confirmed_fraud") return true;
  if (item.status !== "false_positive") return false;
  return cutoff.getTime() - Date.parse(item.createdAt) >= rule.legitAfterHours * 3_600_000;
}
