import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { ACCOUNT_ID } from "../arn";
import { ApiError, internalFailure, runtimeValidationError } from "../errors";
import { newRequestId, readBody, sendBody, sendError } from "../http";
import type { CaptureWriter } from "./capture";
import { modelError, runContainer, type ContainerResponse } from "./container";
import type { FaultRegistry } from "./faults";
import { pickVariant, type HostedEndpoint, type HostedVariant, type Hosting } from "./hosting";

export interface RuntimeContext {
  hosting: Hosting;
  faults: FaultRegistry;
  capture: CaptureWriter;
}

const CRASHED_MESSAGE = (endpointName: string) =>
  `Amazon SageMaker could not get a response from the ${endpointName} endpoint. This can occur when CPU or memory utilization is high.`;

/** `POST /endpoints/{EndpointName}/invocations` (InvokeEndpoint, REST-JSON). */
export async function handleInvoke(ctx: RuntimeContext, req: IncomingMessage, res: ServerResponse, endpointName: string): Promise<void> {
  const started = performance.now();
  const requestId = newRequestId();
  let variant: HostedVariant | undefined;
  let modelMillis = 0;
  try {
    const endpoint = ctx.hosting.get(endpointName);
    if (!endpoint) throw runtimeValidationError(`Endpoint ${endpointName} of account ${ACCOUNT_ID} not found.`);
    const body = await readBody(req);
    const random = ctx.hosting.randomOf(endpointName);
    variant = chooseVariant(endpoint, header(req, "x-amzn-sagemaker-target-variant"), random.routing);
    const modelStarted = performance.now();
    let output: ContainerResponse;
    try {
      output = await callVariant(ctx, endpoint, variant, req, body);
    } finally {
      modelMillis = performance.now() - modelStarted;
    }
    const customAttributes = header(req, "x-amzn-sagemaker-custom-attributes");
    const headers: Record<string, string> = { "x-Amzn-Invoked-Production-Variant": variant.name, "x-amzn-RequestId": requestId };
    if (customAttributes !== undefined) headers["X-Amzn-SageMaker-Custom-Attributes"] = customAttributes;
    sendBody(res, 200, output.contentType, output.body, headers);
    recordMetrics(variant, 200, started, modelMillis);
    if (endpoint.capture) {
      ctx.capture.record(random.capture, {
        endpointName,
        variantName: variant.name,
        settings: endpoint.capture,
        inputContentType: header(req, "content-type") ?? "application/octet-stream",
        input: body,
        outputContentType: output.contentType,
        output: output.body,
        inferenceId: header(req, "x-amzn-sagemaker-inference-id"),
        time: new Date(),
      });
    }
  } catch (error) {
    const apiError = error instanceof ApiError ? error : internalFailure();
    if (!(error instanceof ApiError)) console.error("sagemaker emulator: invocation failure", error);
    sendError(res, apiError, requestId, "application/json");
    if (variant) recordMetrics(variant, metricStatusOf(apiError), started, modelMillis);
  }
}

/**
 * TargetVariant overrides the weights (any variant, weight 0 included, can be named; InvokeEndpoint
 * API reference) and draws nothing, so it leaves the seeded routing sequence where it was.
 */
function chooseVariant(endpoint: HostedEndpoint, target: string | undefined, random: () => number): HostedVariant {
  if (target !== undefined) {
    const named = endpoint.variants.find((v) => v.name === target);
    if (!named) throw runtimeValidationError(`Variant ${target} not found for endpoint ${endpoint.name}.`);
    return named;
  }
  const picked = pickVariant(endpoint, random());
  if (!picked) throw runtimeValidationError(`Endpoint ${endpoint.name} has no variant with a weight above 0.`);
  return picked;
}

async function callVariant(
  ctx: RuntimeContext,
  endpoint: HostedEndpoint,
  variant: HostedVariant,
  req: IncomingMessage,
  body: Buffer,
): Promise<ContainerResponse> {
  const fault = ctx.faults.isEmpty ? undefined : ctx.faults.find(endpoint.name, variant.name);
  if (fault?.mode === "down") throw modelError(endpoint.name, 0, CRASHED_MESSAGE(endpoint.name));
  if (fault?.mode === "error" && ctx.hosting.randomOf(endpoint.name).faults() < (fault.errorRate ?? 1))
    throw modelError(endpoint.name, 500, "Internal Server Error");
  if (fault?.mode === "slow" && fault.latencyMs) await sleep(fault.latencyMs);
  const expression = header(req, "x-amzn-sagemaker-enable-explanations");
  // The header overrides the config's EnableExplanations; without an ExplainerConfig there is no
  // explainer in front of the container and the request is an ordinary one (SageMaker developer
  // guide, clarify-online-explainability-invoke-endpoint).
  const explainer =
    expression === undefined || !endpoint.explainer ? endpoint.explainer : { ...endpoint.explainer, enableExplanations: expression };
  return runContainer(variant, {
    endpointName: endpoint.name,
    body,
    contentType: header(req, "content-type"),
    accept: header(req, "accept"),
    explainer,
  });
}

function recordMetrics(variant: HostedVariant, status: number, started: number, modelMillis: number): void {
  const totalMillis = performance.now() - started;
  variant.metrics.record(status, modelMillis * 1000, Math.max(0, totalMillis - modelMillis) * 1000);
}

/** A ModelError counts by the container's own status (SageMaker's Invocation4XX/5XXErrors); no status = 5XX. */
function metricStatusOf(error: ApiError): number {
  const original = error.members.OriginalStatusCode;
  if (typeof original === "number") return original >= 400 ? original : 500;
  return error.status;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
