import jmespath from "jmespath";
import { runtimeValidationError } from "../errors";
import type { XgboostModel } from "../xgboost";
import type { ExplainerSettings } from "./hosting";
import { kernelShapSamples, scoreSyntheticDataset } from "./kernel-shap-cost";
import type { RecordBatch } from "./payload";

const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

/**
 * The SageMaker Clarify online-explainability answer. Whether a record is explained is the JMESPath
 * `enableExplanations` evaluated over that record's parsed model output (`[score]` for one CSV
 * line), as Clarify does; attributions are exact TreeSHAP in log-odds, one per feature, no bias.
 * Each explained record first pays Kernel SHAP's cost: its synthetic dataset is scored through the
 * model (kernel-shap-cost.ts), so latency grows with features, baseline size and NumberOfSamples as
 * on AWS.
 */
export async function clarifyResponse(options: {
  model: XgboostModel;
  batch: RecordBatch;
  scores: readonly string[];
  explainer: ExplainerSettings;
  shapBaseline: RecordBatch | undefined;
}): Promise<string> {
  const { model, batch, scores, explainer } = options;
  const width = model.numFeatures;
  const headers = featureHeadersOf(model, explainer.featureHeaders);
  const samples = kernelShapSamples(width, explainer.numberOfSamples);
  const explained: (object[] | null)[] = [];
  let anyExplained = false;
  for (let r = 0; r < batch.count; r++) {
    if (!shouldExplain(explainer.enableExplanations, Number(scores[r]))) {
      explained.push(null);
      continue;
    }
    anyExplained = true;
    const record = batch.rows.subarray(r * width, (r + 1) * width);
    if (options.shapBaseline) {
      await scoreSyntheticDataset({ model, record, baseline: options.shapBaseline, samples, seed: explainer.seed + r });
    }
    const shap = model.shap(record);
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
