import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError, internalFailure, unknownOperation } from "../errors";
import { newRequestId, readBody, sendBody, sendError } from "../http";
import type { ControlContext, Operation } from "./context";
import { endpointConfigOperations } from "./endpoint-configs";
import { endpointOperations } from "./endpoints";
import { modelRegistryOperations } from "./model-registry";
import { modelOperations } from "./models";
import { tagOperations } from "./tags";
import { trainingJobOperations } from "./training-jobs";

const OPERATIONS: Record<string, Operation> = {
  ...modelOperations,
  ...endpointConfigOperations,
  ...endpointOperations,
  ...modelRegistryOperations,
  ...tagOperations,
  ...trainingJobOperations,
};

const CONTENT_TYPE = "application/x-amz-json-1.1";
const TARGET_PREFIX = "SageMaker.";

/** AWS JSON 1.1: `POST /` with `X-Amz-Target: SageMaker.<Operation>`. */
export async function handleControlPlane(ctx: ControlContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = newRequestId();
  try {
    const target = String(req.headers["x-amz-target"] ?? "");
    const operation = target.startsWith(TARGET_PREFIX) ? OPERATIONS[target.slice(TARGET_PREFIX.length)] : undefined;
    if (!operation) throw unknownOperation(target);
    const output = await operation(ctx, parseJson(await readBody(req)));
    sendBody(res, 200, CONTENT_TYPE, JSON.stringify(output), { "x-amzn-RequestId": requestId });
  } catch (error) {
    if (!(error instanceof ApiError)) console.error("sagemaker emulator: control plane failure", error);
    sendError(res, error instanceof ApiError ? error : internalFailure(), requestId, CONTENT_TYPE);
  }
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new ApiError("SerializationException", 400, "Could not parse the request body as JSON.");
  }
}
