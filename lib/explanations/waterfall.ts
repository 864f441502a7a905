import { featureByName, type FeatureDefinition, type FeatureValue } from "@/lib/features/schema";
import type { FeatureAttribution } from "@/lib/scoring/parse-invocation";

/**
 * The steps of a SHAP waterfall from the model's base value to the transaction's score, in log-odds
 * (where the contributions add up exactly; the chart labels the ends as probabilities). The largest
 * contributions get a bar each; the small rest is one "other features" bar so the chart stays legible.
 */
export interface WaterfallStep {
  feature: string;
  label: string;
  value: FeatureValue;
  /** Plain-language value, e.g. "14× this customer's 30-day average". */
  description: string;
  /** Short value for a chart label, e.g. "14×", "yes", "rooted-phone". */
  display: string;
  contribution: number;
  start: number;
  end: number;
}

export interface Waterfall {
  baseValue: number;
  steps: WaterfallStep[];
  /** baseValue + Σ contributions = logit(score). */
  finalValue: number;
  baseProbability: number;
  finalProbability: number;
}

export const MAX_WATERFALL_BARS = 8;

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function buildWaterfall(
  input: { baseValue: number | null; attributions: readonly FeatureAttribution[] | null; features: Record<string, FeatureValue> },
  maxBars = MAX_WATERFALL_BARS,
): Waterfall | null {
  if (input.baseValue == null || !input.attributions?.length) return null;
  const ranked = [...input.attributions].sort((a, b) => Math.abs(b.attribution) - Math.abs(a.attribution));
  const shown = ranked.length > maxBars ? ranked.slice(0, maxBars - 1) : ranked;
  const rest = ranked.slice(shown.length);
  let running = input.baseValue;
  const steps: WaterfallStep[] = shown.map((a) => {
    const definition = featureByName(a.feature);
    const value = input.features[a.feature] ?? null;
    const step = {
      feature: a.feature,
      label: definition?.label ?? a.feature,
      value,
      description: definition ? definition.describe(value) : String(value),
      display: definition ? shortValue(definition, value) : String(value),
      contribution: a.attribution,
      start: running,
      end: running + a.attribution,
    };
    running = step.end;
    return step;
  });
  if (rest.length > 0) {
    const sum = rest.reduce((s, a) => s + a.attribution, 0);
    steps.push({
      feature: "other",
      label: `${rest.length} other features`,
      value: null,
      description: "smaller contributions together",
      display: "",
      contribution: sum,
      start: running,
      end: running + sum,
    });
    running += sum;
  }
  return {
    baseValue: input.baseValue,
    steps,
    finalValue: running,
    baseProbability: sigmoid(input.baseValue),
    finalProbability: sigmoid(running),
  };
}

const compact = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** A feature value as a chart label shows it: the category's name, yes/no, or the number with its unit. */
export function shortValue(definition: Pick<FeatureDefinition, "type" | "unit" | "categories">, value: FeatureValue): string {
  if (value == null) return "missing";
  if (definition.type === "boolean") return value ? "yes" : "no";
  if (definition.type === "categorical-encoded") return definition.categories?.[value] ?? String(value);
  if (definition.unit === "×") return `${compact.format(value)}×`;
  if (definition.unit === "fraction") return `${compact.format(value * 100)}%`;
  return compact.format(value);
}
