import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { CreateBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DescribeEndpointCommand,
  type CreateEndpointConfigCommandInput,
  type DescribeEndpointCommandOutput,
} from "@aws-sdk/client-sagemaker";
import { pack } from "tar-stream";
import { s3Client, sageMakerClient } from "@/lib/aws/clients";
import { startCloudWatchEmulator } from "../cloudwatch/server";
import { startS3 } from "../s3";
import type { RunningService } from "../service";
import { startSageMakerEmulator, type SageMakerEmulatorOptions } from "./server";

/**
 * A local stack for the emulator's tests: s3rver, the CloudWatch emulator and this emulator on free
 * ports in a temp dir, with the SDK's standard variables pointing at them. Must run before the first
 * lib/aws client is built (they are lazy singletons bound to the endpoint at that moment).
 */
export const BUCKET = "models";
export const TINY_MODEL_KEY = "tiny/model.tar.gz";
export const TINY_FEATURES = ["amount", "velocity", "device_rooted"];

export interface TestStack {
  sagemakerUrl: string;
  dataDir: string;
  restartSageMaker(): Promise<void>;
  stop(): Promise<void>;
}

export const FIXTURES = fileURLToPath(new URL("./test-fixtures", import.meta.url));

export async function startTestStack(options: Partial<SageMakerEmulatorOptions> = {}): Promise<TestStack> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "sagemaker-emulator-"));
  const s3 = await startS3({ port: 0, dataDir: path.join(dataDir, "s3") });
  const cloudwatch = await startCloudWatchEmulator({ port: 0, dataDir: path.join(dataDir, "cloudwatch") });
  const sagemakerOptions = { dataDir: path.join(dataDir, "sagemaker"), transitionMs: 100, ...options };
  let sagemaker: RunningService = await startSageMakerEmulator({ port: 0, ...sagemakerOptions });
  Object.assign(process.env, {
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: "S3RVER",
    AWS_SECRET_ACCESS_KEY: "S3RVER",
    S3_FORCE_PATH_STYLE: "true",
    AWS_ENDPOINT_URL_S3: s3.url,
    AWS_ENDPOINT_URL_SAGEMAKER: sagemaker.url,
    AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME: sagemaker.url,
    AWS_ENDPOINT_URL_CLOUDWATCH: cloudwatch.url,
    AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: cloudwatch.url,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  });
  await s3Client().send(new CreateBucketCommand({ Bucket: BUCKET }));
  await putObject(TINY_MODEL_KEY, await tarGz("xgboost-model", await readFile(path.join(FIXTURES, "tiny-model.json"))));
  return {
    get sagemakerUrl() {
      return sagemaker.url;
    },
    dataDir,
    // Same port, so the singleton clients' endpoint stays valid across the restart.
    async restartSageMaker() {
      await sagemaker.close();
      sagemaker = await startSageMakerEmulator({ port: sagemaker.port, ...sagemakerOptions });
    },
    async stop() {
      await sagemaker.close();
      await cloudwatch.close();
      await s3.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function putObject(key: string, body: Uint8Array | string): Promise<void> {
  await s3Client().send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
}

/** A gzipped tar holding one file, as SageMaker training jobs write model.tar.gz. */
export async function tarGz(name: string, content: Buffer): Promise<Buffer> {
  const archive = pack();
  archive.entry({ name }, content);
  archive.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of archive) chunks.push(chunk as Buffer);
  return gzipSync(Buffer.concat(chunks));
}

export async function readFixture<T>(name: string): Promise<T> {
  return JSON.parse(await readFile(path.join(FIXTURES, name), "utf8")) as T;
}

/** Polls until `check` returns a value (not a timing assertion: it only bounds how long a test waits). */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** POSTs to the emulator's own admin routes. */
export async function admin(stack: TestStack, method: string, route: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${stack.sagemakerUrl}/_emulator/${route}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as unknown;
  if (!response.ok) throw new Error(`admin ${method} ${route}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

export const XGBOOST_IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";

export async function createModel(name: string, modelDataUrl = `s3://${BUCKET}/${TINY_MODEL_KEY}`): Promise<void> {
  await sageMakerClient().send(
    new CreateModelCommand({
      ModelName: name,
      PrimaryContainer: { Image: XGBOOST_IMAGE, ModelDataUrl: modelDataUrl },
      ExecutionRoleArn: "arn:aws:iam::000000000000:role/sagemaker",
    }),
  );
}

export interface VariantSpec {
  name: string;
  model: string;
  weight?: number;
}

/** CreateEndpointConfig + CreateEndpoint, then waits for InService (or Failed). */
export async function deployEndpoint(
  endpointName: string,
  variants: VariantSpec[],
  extra: Partial<CreateEndpointConfigCommandInput> = {},
): Promise<DescribeEndpointCommandOutput> {
  const configName = `${endpointName}-config`;
  await sageMakerClient().send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: configName,
      ProductionVariants: variants.map((v) => ({
        VariantName: v.name,
        ModelName: v.model,
        InitialInstanceCount: 1,
        InstanceType: "ml.m5.large",
        InitialVariantWeight: v.weight ?? 1,
      })),
      ...extra,
    }),
  );
  await sageMakerClient().send(new CreateEndpointCommand({ EndpointName: endpointName, EndpointConfigName: configName }));
  return waitForStatus(endpointName, ["InService", "Failed"]);
}

export async function waitForStatus(endpointName: string, statuses: string[]): Promise<DescribeEndpointCommandOutput> {
  return eventually(
    async () => {
      const described = await sageMakerClient().send(new DescribeEndpointCommand({ EndpointName: endpointName }));
      return statuses.includes(described.EndpointStatus ?? "") ? described : undefined;
    },
    `${endpointName} to reach ${statuses.join(" or ")}`,
  );
}

/**
 * Keeps an endpoint's transitions (Creating, Updating, Deleting) from finishing until released, so a
 * test can look at the in-between state without racing the transition timer (POST /_emulator/transitions).
 */
export async function holdTransitions(endpointName: string, hold: boolean): Promise<void> {
  const base = process.env.AWS_ENDPOINT_URL_SAGEMAKER;
  if (!base) throw new Error("AWS_ENDPOINT_URL_SAGEMAKER is not set: no emulator to hold");
  const response = await fetch(`${base}/_emulator/transitions`, { method: "POST", body: JSON.stringify({ endpointName, hold }) });
  if (!response.ok) throw new Error(`holding transitions of ${endpointName} failed: ${response.status} ${await response.text()}`);
}
