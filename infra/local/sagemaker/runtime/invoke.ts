import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { ACCOUNT_ID } from "../arn";
import { ApiError, internalFailure, runtimeValidationError } from "../errors";
import { MAX_INVOKE_BODY_BYTES, newRequestId, payloadTooLarge, readBody, sendBody, sendError } from "../http";
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
  let endpoint: HostedEndpoint | undefined;
  let body: Buffer | undefined;
  let modelMillis = 0;
  try {
    endpoint = ctx.hosting.get(endpointName);
    if (!endpoint) throw runtimeValidationError(`Endpoint ${endpointName} of account ${ACCOUNT_ID} not found.`);
    body = await readBody(req, MAX_INVOKE_BODY_BYTES, () => payloadTooLarge(MAX_INVOKE_BODY_BYTES));
    // TargetModel is for multi-model endpoints only; ours host one model per variant.
    if (header(req, "x-amzn-sagemaker-target-model") !== undefined) {
      throw runtimeValidationError(`Endpoint ${endpointName} is not a multi-model endpoint and does not support target model header.`);
    }
    const random = ctx.hosting.randomOf(endpointName);
    variant = chooseVariant(endpoint, header(req, "x-amzn-sagemaker-target-variant"), random.routing);
    const modelStarted = performance.now();
    let output: ContainerResponse;
    try {
      output = await callVariant(ctx, endpoint, variant, req, body);
    } finally {
      modelMillis = performance.now() - modelStarted;
    }
    // CustomAttributes come back only when the model sets them in its answer (InvokeEndpoint API
    // reference); SageMaker's XGBoost container never does, so the request's are not echoed.
    const headers: Record<string, string> = { "x-Amzn-Invoked-Production-Variant": variant.name, "x-amzn-RequestId": requestId };
    sendBody(res, 200, output.contentType, output.body, headers);
    recordMetrics(variant, 200, started, modelMillis);
    captureCall(ctx, endpoint, variant, req, body, output);
  } catch (error) {
    const apiError = error instanceof ApiError ? error : internalFailure();
    if (!(error instanceof ApiError)) console.error("sagemaker emulator: invocation failure", error);
    sendError(res, apiError, requestId, "application/json");
    if (variant) recordMetrics(variant, metricStatusOf(apiError), started, modelMillis);
  }
  // Shadow variants get a copy of every routed request once the caller has its answer: their
  // answers are never returned, only captured and measured under the shadow's name (developer
  // guide, shadow tests; CreateEndpointConfig ShadowProductionVariants).
  if (variant && endpoint && body && endpoint.shadows.length > 0) {
    for (const shadow of endpoint.shadows) setImmediate(() => void scoreShadowCopy(ctx, endpoint, shadow, req, body));
  }
}

async function scoreShadowCopy(ctx: RuntimeContext, endpoint: HostedEndpoint, shadow: HostedVariant, req: IncomingMessage, body: Buffer) {
  const started = performance.now();
  try {
    // No explanations for the copy: Clarify explains what the caller receives, not the shadow.
    const output = await callVariant(ctx, endpoint, shadow, req, body, false);
    recordMetrics(shadow, 200, started, performance.now() - started);
    captureCall(ctx, endpoint, shadow, req, body, output);
  } catch (error) {
    const apiError = error instanceof ApiError ? error : internalFailure();
    recordMetrics(shadow, metricStatusOf(apiError), started, performance.now() - started);
  }
}

function captureCall(
  ctx: RuntimeContext,
  endpoint: HostedEndpoint,
  variant: HostedVariant,
  req: IncomingMessage,
  body: Buffer,
  output: ContainerResponse,
): void {
  if (!endpoint.capture) return;
  ctx.capture.record(ctx.hosting.randomOf(endpoint.name).capture, {
    endpointName: endpoint.name,
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
  withExplainer = true,
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
  const configured = withExplainer ? endpoint.explainer : undefined;
  const explainer = expression === undefined || !configured ? configured : { ...configured, enableExplanations: expression };
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
