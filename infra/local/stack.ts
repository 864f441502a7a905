import path from "node:path";
import { startCloudWatchEmulator } from "./cloudwatch/server";
import { startDynamoDb } from "./dynamodb";
import { startS3 } from "./s3";
import { startSageMakerEmulator } from "./sagemaker/server";
import type { RunningService } from "./service";
import { applyLocalStackEnv, type StackUrls } from "./stack-env";

export type StackServiceName = keyof StackUrls;
export const STACK_SERVICES: readonly StackServiceName[] = ["dynamodb", "s3", "cloudwatch", "sagemaker"];

export interface StackPorts {
  dynamodb: number;
  s3: number;
  sagemaker: number;
  cloudwatch: number;
}

/** Fixed default ports of `npm run demo`; each can be changed with <SERVICE>_PORT (README, "Ports"). */
export const DEFAULT_STACK_PORTS: StackPorts = { dynamodb: 8000, s3: 4569, sagemaker: 4580, cloudwatch: 4582 };

export interface ServiceOptions {
  port: number;
  host?: string;
  dataDir: string;
  /** SageMaker endpoints' Creating/Updating time; tests shorten it. */
  transitionMs?: number;
}

/** Starts one service of the stack in this process; its data lives in <dataDir>/<name>. */
export function startService(name: StackServiceName, opts: ServiceOptions): Promise<RunningService> {
  const dataDir = path.join(opts.dataDir, name);
  const common = { port: opts.port, host: opts.host, dataDir };
  switch (name) {
    case "dynamodb":
      return startDynamoDb(common);
    case "s3":
      return startS3(common);
    case "cloudwatch":
      return startCloudWatchEmulator(common);
    case "sagemaker":
      return startSageMakerEmulator({ ...common, transitionMs: opts.transitionMs });
  }
}

export interface LocalStack {
  urls: StackUrls;
  close(): Promise<void>;
}

/**
 * The whole local stack in this process (integration tests). The SageMaker emulator reads models
 * from S3 and publishes metrics to CloudWatch through lib/aws clients, so those two start first and
 * the process environment points at them before it starts.
 */
export async function startLocalStack(opts: { dataDir: string; ports?: Partial<StackPorts>; transitionMs?: number }): Promise<LocalStack> {
  const start = (name: StackServiceName) =>
    startService(name, { port: opts.ports?.[name] ?? 0, dataDir: opts.dataDir, transitionMs: opts.transitionMs });
  const [dynamodb, s3, cloudwatch] = await Promise.all([start("dynamodb"), start("s3"), start("cloudwatch")]);
  const partial = { dynamodb: dynamodb.url, s3: s3.url, cloudwatch: cloudwatch.url, sagemaker: "http://127.0.0.1:1" };
  applyLocalStackEnv(partial);
  const sagemaker = await start("sagemaker");
  const urls = { ...partial, sagemaker: sagemaker.url };
  applyLocalStackEnv(urls);
  return {
    urls,
    close: async () => {
      await sagemaker.close();
      await Promise.all([dynamodb.close(), s3.close(), cloudwatch.close()]);
    },
  };
}
