import { ApiError } from "../errors";
import { predictBatch } from "../xgboost";
import { logGroupArn, region, ACCOUNT_ID } from "../arn";
import { clarifyResponse } from "./clarify";
import type { ExplainerSettings, HostedVariant } from "./hosting";
import { ContainerError, isCsv, parseCsv, type RecordBatch } from "./payload";
import { formatScore } from "./score-format";

export interface ContainerRequest {
  endpointName: string;
  body: Buffer;
  contentType: string | undefined;
  accept: string | undefined;
  explainer: ExplainerSettings | undefined;
}

export interface ContainerResponse {
  contentType: string;
  body: string;
}

/**
 * What SageMaker's XGBoost container (and, with an explainer, Clarify in front of it) answers:
 * one score per line for text/csv, `{"predictions": [{"score": s}]}` for Accept application/json,
 * the Clarify JSON when explanations are configured or requested.
 */
export async function runContainer(variant: HostedVariant, request: ContainerRequest): Promise<ContainerResponse> {
  const { model } = variant;
  let batch: RecordBatch;
  try {
    if (!isCsv(request.contentType)) throw new ContainerError(415, `Content-type ${request.contentType ?? "(none)"} is not supported.`);
    batch = parseCsv(request.body.toString("utf8"), model.numFeatures);
  } catch (error) {
    if (error instanceof ContainerError) throw modelError(request.endpointName, error.status, error.message);
    throw error;
  }
  const probabilities = predictBatch(model, batch.rows, batch.count);
  const scores = new Array<string>(batch.count);
  for (let r = 0; r < batch.count; r++) scores[r] = formatScore(probabilities[r]!);
  if (request.explainer) {
    const body = await clarifyResponse({ model, batch, scores, explainer: request.explainer, shapBaseline: variant.shapBaseline });
    return { contentType: "application/json", body };
  }
  if (request.accept?.includes("application/json")) {
    return { contentType: "application/json", body: `{"predictions":[${scores.map((s) => `{"score":${s}}`).join(",")}]}` };
  }
  return { contentType: "text/csv; charset=utf-8", body: scores.join("\n") };
}

/**
 * SageMaker's wrapping of a container failure: 424 ModelError naming the container's own status
 * and message, and the CloudWatch log group where the container's logs would be.
 */
export function modelError(endpointName: string, originalStatus: number, originalMessage: string): ApiError {
  const kind = originalStatus >= 400 && originalStatus < 500 ? "client" : "server";
  const logs = `https://${region()}.console.aws.amazon.com/cloudwatch/home?region=${region()}#logEventViewer:group=/aws/sagemaker/Endpoints/${endpointName}`;
  const message = `Received ${kind} error (${originalStatus}) from primary with message "${originalMessage}". See ${logs} in account ${ACCOUNT_ID} for more information.`;
  return new ApiError("ModelError", 424, message, {
    OriginalStatusCode: originalStatus,
    OriginalMessage: originalMessage,
    LogStreamArn: logGroupArn(endpointName),
  });
}
