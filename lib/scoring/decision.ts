/**
 * The three answers a payment app gets, ordered by severity: LEGIT (approve), REVIEW (step-up / MFA,
 * and an analyst looks later), SUSPICIOUS (decline and review).
 */
export const DECISIONS = ["LEGIT", "REVIEW", "SUSPICIOUS"] as const;
export type Decision = (typeof DECISIONS)[number];

/** Decisions that put a transaction in front of an analyst. */
export function needsReview(decision: Decision): boolean {
  return decision !== "LEGIT";
}

export function severity(decision: Decision): number {
  return DECISIONS.indexOf(decision);
}

export function mostSevere(...decisions: Decision[]): Decision {
  return decisions.reduce<Decision>((worst, d) => (severity(d) > severity(worst) ? d : worst), "LEGIT");
}

export interface DecisionThresholds {
  /** Score at or above which a transaction is REVIEW. */
  review: number;
  /** Score at or above which a transaction is SUSPICIOUS; never below `review`. */
  suspicious: number;
}

export function decideFromScore(score: number, thresholds: DecisionThresholds): Decision {
  if (score >= thresholds.suspicious) return "SUSPICIOUS";
  if (score >= thresholds.review) return "REVIEW";
  return "LEGIT";
}
