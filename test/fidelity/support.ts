import { readFile } from "node:fs/promises";
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DescribeEndpointCommand,
  type CreateEndpointConfigCommandInput,
  type DescribeEndpointCommandOutput,
  type ProductionVariant,
} from "@aws-sdk/client-sagemaker";
import { InvokeEndpointCommand, type InvokeEndpointCommandInput } from "@aws-sdk/client-sagemaker-runtime";
import { inject } from "vitest";
import { s3Client, sageMakerClient, sageMakerRuntimeClient } from "@/lib/aws/clients";
import { env } from "@/lib/env";

/**
 * Helpers for the fidelity suite: SDK-level checks of the local emulators against AWS's documented
 * behaviour, on the integration project's throwaway stack. Every case creates its own models and
 * endpoints (names carry the file's prefix), so nothing here touches the demo's.
 */
export const XGBOOST_IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";
const ROLE = "arn:aws:iam::000000000000:role/fidelity";

/** A 3-feature model from XGBoost 1.7.4 itself, and one of the committed 14-feature fraud models. */
const TINY_MODEL = new URL("../../infra/local/sagemaker/test-fixtures/tiny-model.json", import.meta.url);
const FRAUD_MODEL = new URL("../../infra/model/artifacts/acme-bank-fraud/v1/model.tar.gz", import.meta.url);

export async function createModel(name: string, kind: "tiny" | "fraud" = "tiny"): Promise<void> {
  const key = `fidelity/${kind}/${kind === "tiny" ? "xgboost-model" : "model.tar.gz"}`;
  await s3Client().send(
    new PutObjectCommand({ Bucket: env().MODELS_BUCKET, Key: key, Body: await readFile(kind === "tiny" ? TINY_MODEL : FRAUD_MODEL) }),
  );
  await sageMakerClient().send(
    new CreateModelCommand({
      ModelName: name,
      PrimaryContainer: { Image: XGBOOST_IMAGE, ModelDataUrl: `s3://${env().MODELS_BUCKET}/${key}` },
      ExecutionRoleArn: ROLE,
    }),
  );
}

export const variant = (name: string, model: string, weight = 1): ProductionVariant => ({
  VariantName: name,
  ModelName: model,
  InitialInstanceCount: 1,
  InstanceType: "ml.m5.large",
  InitialVariantWeight: weight,
});

/** CreateEndpointConfig + CreateEndpoint, then waits for InService or Failed. */
export async function deploy(
  endpointName: string,
  config: Omit<CreateEndpointConfigCommandInput, "EndpointConfigName">,
): Promise<DescribeEndpointCommandOutput> {
  await sageMakerClient().send(new CreateEndpointConfigCommand({ EndpointConfigName: `${endpointName}-config`, ...config }));
  await sageMakerClient().send(new CreateEndpointCommand({ EndpointName: endpointName, EndpointConfigName: `${endpointName}-config` }));
  return waitForStatus(endpointName, ["InService", "Failed"]);
}

export async function waitForStatus(endpointName: string, statuses: string[]): Promise<DescribeEndpointCommandOutput> {
  return eventually(
    async () => {
      const described = await sageMakerClient().send(new DescribeEndpointCommand({ EndpointName: endpointName }));
      return statuses.includes(described.EndpointStatus ?? "") ? described : undefined;
    },
    `${endpointName} to reach ${statuses.join("/")}`,
  );
}

/** Polls until `check` gives a value: it bounds how long a case waits, it asserts nothing about time. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function invoke(input: Omit<InvokeEndpointCommandInput, "Body"> & { Body: string | Uint8Array }) {
  const output = await sageMakerRuntimeClient().send(new InvokeEndpointCommand({ ContentType: "text/csv", ...input }));
  return { ...output, text: new TextDecoder().decode(output.Body) };
}

/** The error a call fails with (the test fails if it succeeds). */
export async function failure(call: () => Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  const outcome = await call().then(
    () => new Error("expected the call to fail"),
    (error: unknown) => error as Error,
  );
  if (outcome.message === "expected the call to fail") throw outcome;
  return outcome;
}

/** The emulator's own controls (`/_emulator/*`, infra/local/sagemaker/README.md). */
export async function emulator(method: string, route: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${inject("stackUrls").sagemaker}/_emulator/${route}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as unknown;
  if (!response.ok) throw new Error(`emulator ${method} ${route}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

export interface CapturedPayload {
  observedContentType: string;
  mode: string;
  data: string;
  encoding: "CSV" | "JSON" | "BASE64";
}

export interface CaptureLine {
  captureData: { endpointInput?: CapturedPayload; endpointOutput?: CapturedPayload };
  eventMetadata: { eventId: string; inferenceId?: string; inferenceTime: string };
  eventVersion: string;
}

/** Decodes a captured payload by its `encoding`, as every reader of data capture must. */
export function decodeCaptured(payload: CapturedPayload): string {
  return payload.encoding === "BASE64" ? Buffer.from(payload.data, "base64").toString("utf8") : payload.data;
}

/** Every capture line under a prefix of the capture bucket, with the keys they came from. */
export async function readCapture(prefix: string): Promise<{ keys: string[]; lines: CaptureLine[] }> {
  const listed = await s3Client().send(new ListObjectsV2Command({ Bucket: env().CAPTURE_BUCKET, Prefix: prefix }));
  const keys = (listed.Contents ?? []).map((o) => o.Key ?? "");
  const texts = await Promise.all(
    keys.map(async (Key) => (await s3Client().send(new GetObjectCommand({ Bucket: env().CAPTURE_BUCKET, Key }))).Body!.transformToString()),
  );
  const lines = texts.flatMap((t) => t.split("\n").filter((l) => l !== "")).map((l) => JSON.parse(l) as CaptureLine);
  return { keys, lines };
}

export function captureConfig(prefix: string, header?: { CsvContentTypes?: string[]; JsonContentTypes?: string[] }) {
  return {
    EnableCapture: true,
    InitialSamplingPercentage: 100,
    DestinationS3Uri: `s3://${env().CAPTURE_BUCKET}/${prefix}`,
    CaptureOptions: [{ CaptureMode: "Input" as const }, { CaptureMode: "Output" as const }],
    CaptureContentTypeHeader: header,
  };
}
