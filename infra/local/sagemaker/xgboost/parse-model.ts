import type { z } from "zod";
import { invalidModel, unsupportedModel } from "./errors";
import { buildForest } from "./forest";
import { gbtreeSchema, headerSchema } from "./model-schema";
import { checkObjective, parseScalarParam } from "./objective";
import { readModelJson } from "./read-model-json";
import { assertFeatureNames, ForestModel, type XgboostModel } from "./xgboost-model";

/**
 * Loads a model saved by XGBoost's `save_model("*.json")` (SageMaker's `xgboost-model` file).
 * Throws an XgboostModelError (reason "invalid" or "unsupported") that says what is wrong.
 */
export function parseXgboostModel(json: string | Uint8Array): XgboostModel {
  const document = readModelJson(json);
  const { learner } = parseWith(headerSchema, document);
  const objective = checkObjective(learner.objective.name);
  const booster = learner.gradient_booster.name;
  if (booster !== "gbtree") throw unsupportedModel(`booster "${booster}" (only gbtree is supported)`);

  const params = learner.learner_model_param;
  const numClass = parseScalarParam("num_class", params.num_class ?? "0");
  const numTarget = parseScalarParam("num_target", params.num_target ?? "1");
  if (numClass > 1 || numTarget > 1) throw unsupportedModel("multi-class or multi-target model");
  const numFeatures = parseScalarParam("num_feature", params.num_feature);
  if (!Number.isInteger(numFeatures) || numFeatures < 1) throw invalidModel(`num_feature "${params.num_feature}"`);
  if (learner.feature_types?.some((type) => type === "c")) {
    throw unsupportedModel('categorical features (feature_types contains "c")');
  }
  assertFeatureNames(learner.feature_names, numFeatures);

  const { model } = parseWith(gbtreeSchema, (document as { learner: { gradient_booster: unknown } }).learner.gradient_booster);
  if (model.tree_info?.some((group) => group !== 0)) throw unsupportedModel("trees for more than one output group");
  return new ForestModel({
    forest: buildForest(model.trees, numFeatures),
    numFeatures,
    featureNames: learner.feature_names?.length ? learner.feature_names : undefined,
    objective,
    baseScore: parseScalarParam("base_score", params.base_score),
  });
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw invalidModel(`${issue?.message ?? "unexpected layout"} at ${issue?.path.join(".") || "(root)"}`);
  }
  return result.data;
}
