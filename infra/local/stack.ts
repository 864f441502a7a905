import path from "node:path";
import { startCloudWatchEmulator } from "./cloudwatch/server";
import { startDynamoDb } from "./dynamodb";
import { FUNCTIONS, SCHEDULES, SNS_SUBSCRIPTIONS } from "./functions/registry";
import { startFunctionsHost } from "./functions/server";
import { startS3 } from "./s3";
import { startSageMakerEmulator } from "./sagemaker/server";
import type { RunningService } from "./service";
import { applyLocalStackEnv, type StackUrls } from "./stack-env";

export type StackServiceName = keyof StackUrls;
export const STACK_SERVICES: readonly StackServiceName[] = ["dynamodb", "s3", "cloudwatch", "functions", "sagemaker"];

export interface StackPorts {
  dynamodb: number;
  s3: number;
  sagemaker: number;
  cloudwatch: number;
  functions: number;
}

/** Fixed default ports of `npm run demo`; each can be changed with <SERVICE>_PORT (README, "Ports"). */
export const DEFAULT_STACK_PORTS: StackPorts = { dynamodb: 8000, s3: 4569, sagemaker: 4580, cloudwatch: 4582, functions: 4584 };

export interface ServiceOptions {
  port: number;
  host?: string;
  dataDir: string;
  /** SageMaker endpoints' Creating/Updating time; tests shorten it. */
  transitionMs?: number;
  /** Run the functions host's schedules on their timers (default true); tests run them on demand. */
  runSchedules?: boolean;
}

/**
 * How often the SageMaker emulator publishes its per-variant metrics, at 1-second storage resolution,
 * so the high-resolution (10 s) alarms of tests and the demo see every period (AWS publishes
 * endpoint metrics each minute; the 1-minute statistics are the same either way).
 */
export const LOCAL_METRICS_FLUSH_MS = 2000;

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
      // Alarm actions reach the rollback Lambda through the SNS subscriptions of the functions registry.
      return startCloudWatchEmulator({ ...common, snsSubscriptions: SNS_SUBSCRIPTIONS });
    case "functions":
      return startFunctionsHost({
        port: opts.port,
        host: opts.host,
        functions: FUNCTIONS,
        schedules: SCHEDULES,
        runSchedules: opts.runSchedules,
      });
    case "sagemaker":
      return startSageMakerEmulator({ ...common, transitionMs: opts.transitionMs, metricsFlushMs: LOCAL_METRICS_FLUSH_MS });
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
export async function startLocalStack(opts: {
  dataDir: string;
  ports?: Partial<StackPorts>;
  transitionMs?: number;
  runSchedules?: boolean;
}): Promise<LocalStack> {
  const start = (name: StackServiceName) =>
    startService(name, {
      port: opts.ports?.[name] ?? 0,
      dataDir: opts.dataDir,
      transitionMs: opts.transitionMs,
      runSchedules: opts.runSchedules,
    });
  const [dynamodb, s3, cloudwatch, functions] = await Promise.all([
    start("dynamodb"),
    start("s3"),
    start("cloudwatch"),
    start("functions"),
  ]);
  const partial = {
    dynamodb: dynamodb.url,
    s3: s3.url,
    cloudwatch: cloudwatch.url,
    functions: functions.url,
    sagemaker: "http://127.0.0.1:1",
  };
  applyLocalStackEnv(partial);
  const sagemaker = await start("sagemaker");
  const urls = { ...partial, sagemaker: sagemaker.url };
  applyLocalStackEnv(urls);
  return {
    urls,
    close: async () => {
      await sagemaker.close();
      await Promise.all([dynamodb.close(), s3.close(), cloudwatch.close(), functions.close()]);
    },
  };
}
