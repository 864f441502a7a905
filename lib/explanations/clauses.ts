import { formatAge, formatAmount } from "@/lib/features/format";
import type { FeatureDefinition, FeatureValue } from "@/lib/features/schema";

/**
 * How each feature reads inside a sentence ("Flagged mainly because <clause>, <clause> and <clause>"),
 * built on the schema's describe() phrases so numbers are formatted one way everywhere.
 */
type Clause = (value: number, described: string) => string;

const CLAUSES: Record<string, Clause> = {
  amount: (v) => `the amount is ${formatAmount(v)}`,
  amount_to_avg_ratio: (_, d) => `the amount is ${d}`,
  txn_count_1h: (_, d) => `there were ${d}`,
  txn_count_24h: (_, d) => `there were ${d}`,
  account_age_days: (v) => `the account is ${formatAge(v)} old`,
  device_age_days: (_, d) => `it came from ${d}`,
  is_new_device: (_, d) => `it came from ${d}`,
  device_type: (_, d) => `it came from ${d}`,
  is_rooted_device: (_, d) => `it came from ${d}`,
  geo: (_, d) => `it was made ${d}`,
  channel: (_, d) => `it was ${d}`,
  merchant_category: (_, d) => `it was at ${d}`,
  merchant_chargeback_rate: (_, d) => `it was at ${d}`,
  hour_of_day: (_, d) => `it happened ${d}`,
};

export function featureClause(feature: Pick<FeatureDefinition, "name" | "label" | "describe">, value: FeatureValue): string {
  if (value == null) return `the ${feature.label.toLowerCase()} was not provided`;
  const described = feature.describe(value);
  const clause = CLAUSES[feature.name];
  return clause ? clause(value, described) : `${feature.label.toLowerCase()} is ${described}`;
}

export function hasClause(name: string): boolean {
  return name in CLAUSES;
}

/** "a", "a and b", "a, b and c". */
export function joinClauses(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? "";
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}
