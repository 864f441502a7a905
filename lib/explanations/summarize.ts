import { featureByName, type FeatureValue } from "@/lib/features/schema";
import type { FeatureAttribution } from "@/lib/scoring/parse-invocation";
import type { RuleHit } from "@/lib/scoring/screen-rules";
import { featureClause, joinClauses } from "./clauses";

export interface SummaryInput {
  score: number | null;
  attributions: readonly FeatureAttribution[] | null;
  features: Record<string, FeatureValue>;
  ruleHits: readonly RuleHit[];
  degraded: boolean;
}

/** A reason must carry at least this share of the strongest push to be named (the rest is noise to a reader). */
const MIN_SHARE_OF_TOP = 0.25;
const MAX_REASONS = 3;
/** A counter-argument is worth a sentence from this many log-odds. */
const MIN_COUNTER = 0.3;

/**
 * A plain-language account of why a transaction was flagged, from its SHAP attributions and rule
 * hits, e.g. "Flagged mainly because the amount is 14× this customer's 30-day average and it came
 * from a rooted phone." Pure, so the API and the page say the same thing.
 */
export function summarizeFlag(input: SummaryInput): string {
  const sentences: string[] = [];
  const rules = input.ruleHits.map((h) => `“${h.description}”`);
  if (input.degraded) sentences.push("The model did not answer in time, so the tenant's rules and fail-safe decided.");
  const clause = (a: FeatureAttribution) => {
    const definition = featureByName(a.feature);
    return definition ? featureClause(definition, input.features[a.feature] ?? null) : `${a.feature} pushed the score`;
  };
  const positive = (input.attributions ?? []).filter((a) => a.attribution > 0).sort((a, b) => b.attribution - a.attribution);
  const top = positive[0]?.attribution ?? 0;
  const reasons = positive.filter((a) => a.attribution >= top * MIN_SHARE_OF_TOP).slice(0, MAX_REASONS);
  if (reasons.length > 0) sentences.push(`Flagged mainly because ${joinClauses(reasons.map(clause))}.`);
  else if (input.score == null && rules.length > 0) sentences.push(`Flagged by rule ${joinClauses(rules)} without asking the model.`);
  else if (input.score != null) sentences.push("Flagged on the model's score; no single feature stood out.");
  if (reasons.length > 0 && rules.length > 0) sentences.push(`Rule ${joinClauses(rules)} also fired.`);
  else if (input.score != null && rules.length > 0 && reasons.length === 0) sentences.push(`Rule ${joinClauses(rules)} fired.`);
  const counter = (input.attributions ?? []).filter((a) => a.attribution <= -MIN_COUNTER).sort((a, b) => a.attribution - b.attribution)[0];
  if (counter && reasons.length > 0) sentences.push(`Pointing the other way: ${clause(counter)}.`);
  if (sentences.length === 0) sentences.push("Flagged for review; no explanation was recorded for this transaction.");
  return sentences.map(capitalise).join(" ");
}

function capitalise(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
