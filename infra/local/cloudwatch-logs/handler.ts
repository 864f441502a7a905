import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { LogsError, serializationError, serviceUnavailable, unknownOperation } from "./errors";
import type { LogsContext, LogsOperation } from "./operations/context";
import { createLogGroup } from "./operations/create-log-group";
import { createLogStream } from "./operations/create-log-stream";
import { describeLogStreams } from "./operations/describe-log-streams";
import { getLogEvents } from "./operations/get-log-events";
import { putLogEvents } from "./operations/put-log-events";
import { LogStore } from "./store";

/** CloudWatch Logs' AWS JSON 1.1 target prefix (`X-Amz-Target: Logs_20140328.<Operation>`). */
export const LOGS_TARGET_PREFIX = "Logs_20140328.";

/** A PutLogEvents batch (1 MB of messages) plus its JSON framing. */
export const LOGS_MAX_BODY_BYTES = 2 * 1024 * 1024;

const OPERATIONS: Record<string, LogsOperation> = {
  CreateLogGroup: createLogGroup,
  CreateLogStream: createLogStream,
  PutLogEvents: putLogEvents,
  DescribeLogStreams: describeLogStreams,
  GetLogEvents: getLogEvents,
};

export interface LogsService {
  /** Answers one request whose X-Amz-Target starts with LOGS_TARGET_PREFIX. */
  handle(target: string, body: string, res: ServerResponse): Promise<void>;
  close(): Promise<void>;
}

/** The CloudWatch Logs emulator: its store under `dataDir` and the operations above. */
export async function openLogsService(opts: { dataDir: string; now?: () => number }): Promise<LogsService> {
  const ctx: LogsContext = { store: await LogStore.open(opts.dataDir), now: opts.now ?? Date.now };
  return {
    async handle(target, body, res) {
      try {
        const operation = OPERATIONS[target.slice(LOGS_TARGET_PREFIX.length)];
        if (!operation) throw unknownOperation(target);
        send(res, 200, await operation(ctx, parseJson(body)));
      } catch (error) {
        if (error instanceof LogsError) return sendError(res, error);
        process.stderr.write(`cloudwatch logs emulator: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        sendError(res, serviceUnavailable());
      }
    },
    close: () => ctx.store.flush(),
  };
}

function parseJson(text: string): unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw serializationError("The request body is not valid JSON.");
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/x-amz-json-1.1",
    "content-length": Buffer.byteLength(text),
    "x-amzn-requestid": randomUUID(),
    ...headers,
  });
  res.end(text);
}

function sendError(res: ServerResponse, error: LogsError): void {
  send(res, error.status, { __type: error.shapeName, message: error.message }, { "x-amzn-errortype": error.shapeName });
}
