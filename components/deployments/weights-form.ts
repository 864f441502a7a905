import { isShadow, type EndpointVariant } from "@/lib/queries/endpoints";

/** A variant's share of the split the form would set, and the model version that share goes to. */
export interface SplitRow {
  variantName: string;
  modelVersion: string | null;
  weight: number;
  share: number;
  currentShare: number;
}

export type SplitCheck = { ok: true; rows: SplitRow[]; weights: Record<string, number> } | { ok: false; errors: Record<string, string> };

/** Weights are relative (SageMaker divides each by their sum); the form takes non-negative numbers. */
export const MAX_WEIGHT = 1_000_000;

/**
 * Checks the typed weights of the endpoint's production variants (shadows take no weight) and
 * computes the resulting shares. Errors are keyed by variant name, `_form` for the split as a whole.
 */
export function checkSplit(variants: readonly EndpointVariant[], typed: Readonly<Record<string, string>>): SplitCheck {
  const live = variants.filter((v) => !isShadow(v));
  const errors: Record<string, string> = {};
  const weights: Record<string, number> = {};
  for (const v of live) {
    const text = (typed[v.variantName] ?? "").trim();
    const value = Number(text);
    if (text === "") errors[v.variantName] = "Enter a weight (0 for no traffic)";
    else if (!Number.isFinite(value)) errors[v.variantName] = "Must be a number";
    else if (value < 0) errors[v.variantName] = "Must be 0 or more";
    else if (value > MAX_WEIGHT) errors[v.variantName] = `At most ${MAX_WEIGHT.toLocaleString("en-US")}`;
    else weights[v.variantName] = value;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  if (total <= 0) return { ok: false, errors: { _form: "At least one variant must take traffic" } };
  return {
    ok: true,
    weights,
    rows: live.map((v) => ({
      variantName: v.variantName,
      modelVersion: v.modelVersion !== null ? String(v.modelVersion) : v.modelName,
      weight: weights[v.variantName] ?? 0,
      share: (weights[v.variantName] ?? 0) / total,
      currentShare: v.trafficShare,
    })),
  };
}

/** The form's starting values: the current weights as percentages of traffic, rounded to 0.1. */
export function initialTyped(variants: readonly EndpointVariant[]): Record<string, string> {
  return Object.fromEntries(
    variants.filter((v) => !isShadow(v)).map((v) => [v.variantName, String(Math.round(v.trafficShare * 1000) / 10)]),
  );
}
