import jmespath from "jmespath";
import { runtimeValidationError } from "../errors";
import type { XgboostModel } from "../xgboost";
import type { RecordBatch } from "./payload";

const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

/**
 * The SageMaker Clarify online-explainability answer. Whether a record is explained is the JMESPath
 * `enableExplanations` evaluated over that record's parsed model output (`[score]` for one CSV
 * line), as Clarify does; attributions are exact TreeSHAP in log-odds, one per feature, no bias.
 */
export function clarifyResponse(options: {
  model: XgboostModel;
  batch: RecordBatch;
  scores: readonly string[];
  enableExplanations: string;
  featureHeaders: readonly string[] | undefined;
}): string {
  const { model, batch, scores } = options;
  const width = model.numFeatures;
  const headers = featureHeadersOf(model, options.featureHeaders);
  const explained: (object[] | null)[] = [];
  let anyExplained = false;
  for (let r = 0; r < batch.count; r++) {
    if (!shouldExplain(options.enableExplanations, Number(scores[r]))) {
      explained.push(null);
      continue;
    }
    anyExplained = true;
    const shap = model.shap(batch.rows.subarray(r * width, (r + 1) * width));
    explained.push(headers.map((feature_header, j) => ({ feature_header, attributions: [{ attribution: [shap[j]] }] })));
  }
  return JSON.stringify({
    version: "1.0",
    predictions: { content_type: CSV_CONTENT_TYPE, data: scores.join("\n") },
    explanations: anyExplained ? { kernel_shap: explained } : {},
  });
}

function shouldExplain(expression: string, score: number): boolean {
  let result: unknown;
  try {
    result = jmespath.search([score], expression);
  } catch (error) {
    throw runtimeValidationError(`Invalid EnableExplanations expression ${expression}: ${(error as Error).message}`);
  }
  return result === true;
}

function featureHeadersOf(model: XgboostModel, configured: readonly string[] | undefined): readonly string[] {
  if (configured && configured.length === model.numFeatures) return configured;
  if (model.featureNames && model.featureNames.length === model.numFeatures) return model.featureNames;
  return Array.from({ length: model.numFeatures }, (_, j) => `f${j}`);
}
