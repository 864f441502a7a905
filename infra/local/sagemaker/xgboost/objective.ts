import { invalidModel, unsupportedModel } from "./errors";

export type SupportedObjective = "binary:logistic" | "reg:logistic" | "binary:logitraw";

const SUPPORTED: readonly string[] = ["binary:logistic", "reg:logistic", "binary:logitraw"];

export function checkObjective(name: string): SupportedObjective {
  if (!SUPPORTED.includes(name)) {
    throw unsupportedModel(`objective "${name}" (supported: ${SUPPORTED.join(", ")})`);
  }
  return name as SupportedObjective;
}

/**
 * The margin every row starts from. XGBoost stores base_score in output space and converts it with
 * the objective's ProbToMargin in float32: logit for the logistic objectives, but identity for
 * binary:logitraw (checked against XGBoost 1.7.4).
 */
export function baseMargin(objective: SupportedObjective, baseScore: number): number {
  const p = Math.fround(baseScore);
  if (objective === "binary:logitraw") return p;
  if (!(p > 0 && p < 1)) throw invalidModel(`base_score ${baseScore} must be in (0, 1) for ${objective}`);
  return Math.fround(-Math.log(Math.fround(Math.fround(1 / p) - 1)));
}

/** predict() output: a float32 probability like XGBoost's Sigmoid, or the raw margin for logitraw. */
export function transformMargin(objective: SupportedObjective, margin: number): number {
  return objective === "binary:logitraw" ? margin : Math.fround(1 / (1 + Math.exp(-margin)));
}

/** Parses 1.x "5E-1" and 2.x "[5E-1]" renderings of a scalar model parameter. */
export function parseScalarParam(name: string, raw: string | number): number {
  if (typeof raw === "number") return raw;
  const inner = raw.trim().replace(/^\[(.*)\]$/, "$1");
  if (inner.includes(",")) throw unsupportedModel(`${name} has several values (multi-target model)`);
  const value = Number(inner);
  if (inner === "" || !Number.isFinite(value)) throw invalidModel(`${name} "${raw}" is not a number`);
  return value;
}
