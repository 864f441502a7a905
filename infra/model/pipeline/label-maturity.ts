import { Random } from "../simulator/random";
import type { FraudPattern } from "../simulator/tenants";

/**
 * Fraud labels arrive late: a fraud is known only once the cardholder disputes it or the account
 * charges off. Mean reporting delay in days per pattern (exponential): drained accounts are noticed
 * within days; tiny test charges and bust-outs take weeks. Training on the freshest data therefore
 * teaches a model that those patterns are legitimate — the classic rushed-retrain mistake.
 */
const MEAN_REPORT_DELAY_DAYS: Readonly<Record<FraudPattern, number>> = {
  account_takeover: 4,
  card_testing: 45,
  bust_out: 40,
  compromised_merchant: 25,
};

export function createLabelMaturity(seed: number) {
  const rng = new Random(seed);
  /** Whether a fraud of this pattern, `ageDays` old at the cut-off, has been reported yet. */
  return (pattern: FraudPattern, ageDays: number): boolean => rng.float() < 1 - Math.exp(-ageDays / MEAN_REPORT_DELAY_DAYS[pattern]);
}
