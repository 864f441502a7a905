import { featureByName, type FeatureValue } from "@/lib/features/schema";
import type { FeatureAttribution } from "./parse-invocation";

/** One reason a transaction scored as it did, in words an analyst or a payment app can show. */
export interface Reason {
  feature: string;
  label: string;
  value: FeatureValue;
  /** Plain-language phrase for the value, from the feature schema. */
  description: string;
  /** Log-odds contribution towards fraud. */
  attribution: number;
}

/**
 * The features that pushed the score up most, largest first. Only positive contributions are
 * reasons for a flag; features that argued for legitimacy are not "reasons" to decline.
 */
export function topReasons(
  attributions: readonly FeatureAttribution[] | null,
  vector: readonly FeatureValue[],
  featureNames: readonly string[],
  limit = 3,
): Reason[] {
  if (!attributions) return [];
  return attributions
    .filter((a) => a.attribution > 0)
    .sort((a, b) => b.attribution - a.attribution)
    .slice(0, limit)
    .map((a) => {
      const definition = featureByName(a.feature);
      const index = featureNames.indexOf(a.feature);
      const value = index >= 0 ? (vector[index] ?? null) : null;
      return {
        feature: a.feature,
        label: definition?.label ?? a.feature,
        value,
        description: definition ? definition.describe(value) : String(value),
        attribution: a.attribution,
      };
    });
}
