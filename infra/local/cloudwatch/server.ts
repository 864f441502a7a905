import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { LOGS_MAX_BODY_BYTES, LOGS_TARGET_PREFIX, openLogsService, type LogsService } from "../cloudwatch-logs/handler";
import { AlarmEvaluator } from "./alarms/alarm-evaluator";
import { AlarmStore } from "./alarms/alarm-store";
import { SnsDelivery, type SnsLambdaSubscription } from "./alarms/sns-delivery";
import { internalFailure, isCloudWatchError, unknownOperation } from "./errors";
import { parseJsonBody, readBody, sendError, sendJson } from "./http-io";
import type { Operation, OperationContext } from "./operations/context";
import { deleteAlarms } from "./operations/delete-alarms";
import { describeAlarmHistory } from "./operations/describe-alarm-history";
import { describeAlarms } from "./operations/describe-alarms";
import { getMetricData } from "./operations/get-metric-data";
import { getMetricStatistics } from "./operations/get-metric-statistics";
import { listMetrics } from "./operations/list-metrics";
import { putMetricAlarm } from "./operations/put-metric-alarm";
import { putMetricData } from "./operations/put-metric-data";
import { setAlarmState } from "./operations/set-alarm-state";
import { PersistentMetricStore } from "./persistence/persistent-store";

export interface RunningService {
  name: string;
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface CloudWatchEmulatorOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  dataDir: string;
  /** How often to prune, roll up and compact the data on disk (default 5 minutes). */
  maintenanceEveryMs?: number;
  /**
   * SNS topic → Lambda subscriptions for alarm actions (the local stack's come from
   * infra/local/functions/registry.ts); messages go to the Lambda endpoint below.
   */
  snsSubscriptions?: ReadonlyArray<SnsLambdaSubscription>;
  /** The Lambda Invoke endpoint; default: AWS_ENDPOINT_URL_LAMBDA, read at delivery time. */
  lambdaEndpoint?: () => string | undefined;
  /** Evaluate alarms on a schedule (default true); tests that drive `evaluateAt` themselves turn it off. */
  evaluateAlarms?: boolean;
}

export interface CloudWatchEmulator extends RunningService {
  /** The alarm evaluator, for tests: evaluateAt(t), settled(). */
  evaluator: AlarmEvaluator;
}

const TARGET_PREFIX = "GraniteServiceVersion20100801.";

const OPERATIONS: Record<string, Operation> = {
  PutMetricData: putMetricData,
  GetMetricData: getMetricData,
  GetMetricStatistics: getMetricStatistics,
  ListMetrics: listMetrics,
  PutMetricAlarm: putMetricAlarm,
  DescribeAlarms: describeAlarms,
  DescribeAlarmHistory: describeAlarmHistory,
  SetAlarmState: setAlarmState,
  DeleteAlarms: deleteAlarms,
};

/** Starts the CloudWatch emulator (AWS JSON 1.0, query-compatible) on loopback by default. */
export async function startCloudWatchEmulator(opts: CloudWatchEmulatorOptions): Promise<CloudWatchEmulator> {
  const host = opts.host ?? "127.0.0.1";
  const persistent = await PersistentMetricStore.open({ dataDir: opts.dataDir, maintenanceEveryMs: opts.maintenanceEveryMs });
  const alarms = await AlarmStore.open(opts.dataDir);
  const sns = new SnsDelivery({
    subscriptions: opts.snsSubscriptions ?? [],
    lambdaEndpoint: opts.lambdaEndpoint ?? (() => process.env.AWS_ENDPOINT_URL_LAMBDA),
  });
  const evaluator = new AlarmEvaluator(persistent.store, alarms, sns);
  const ctx: OperationContext = { store: persistent.store, record: (d) => persistent.record(d), alarms, evaluator, now: Date.now };
  // CloudWatch Logs shares this process and port (README, "CloudWatch Logs"); its data is its own.
  const logs = await openLogsService({ dataDir: path.join(opts.dataDir, "logs") });
  const server = createServer((req, res) => void handle(ctx, logs, req, res));
  try {
    await listen(server, opts.port, host);
  } catch (error) {
    await persistent.close();
    await logs.close();
    throw error;
  }
  if (opts.evaluateAlarms !== false) evaluator.start();
  const { port } = server.address() as AddressInfo;
  return {
    name: "cloudwatch",
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    evaluator,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // SDK clients hold keep-alive sockets open; without this close() would wait for them.
        server.closeAllConnections();
      });
      await evaluator.stop();
      await alarms.flush();
      await persistent.close();
      await logs.close();
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`CloudWatch emulator: port ${port} on ${host} is already in use (EADDRINUSE)`, { cause: error })
          : error,
      );
    });
    server.listen(port, host, () => resolve());
  });
}

async function handle(ctx: OperationContext, logs: LogsService, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const target = String(req.headers["x-amz-target"] ?? "");
    // The SDK tells the two services apart by X-Amz-Target alone: Logs_20140328.* is CloudWatch Logs.
    if (req.method === "POST" && target.startsWith(LOGS_TARGET_PREFIX))
      return await logs.handle(target, await readBody(req, LOGS_MAX_BODY_BYTES), res);
    if (req.method === "GET" && (req.url === "/health" || req.url === "/")) return sendJson(res, 200, { status: "ok" });
    // Emulator-only: evaluate every alarm now (or as of {"at": epoch ms}), not waiting for the schedule.
    if (req.method === "POST" && req.url === "/_emulator/alarms/evaluate") {
      const { at } = parseJsonBody(await readBody(req)) as { at?: unknown };
      const transitions = ctx.evaluator.evaluateAt(typeof at === "number" ? at : ctx.now());
      await ctx.evaluator.settled();
      return sendJson(res, 200, { transitions });
    }
    const operation = target.startsWith(TARGET_PREFIX) ? OPERATIONS[target.slice(TARGET_PREFIX.length)] : undefined;
    const body = parseJsonBody(await readBody(req));
    if (!operation || req.method !== "POST") throw unknownOperation(target || `${req.method ?? ""} ${req.url ?? ""}`);
    sendJson(res, 200, operation(ctx, body));
  } catch (error) {
    if (isCloudWatchError(error)) return sendError(res, error);
    process.stderr.write(`cloudwatch emulator: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    sendError(res, internalFailure());
  }
}
