import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { closeServer, listen, type RunningService } from "../service";
import { scheduledEvent, Scheduler } from "./scheduler";
import type { FunctionDefinition, Handler, ScheduleDefinition } from "./types";

const ACCOUNT_ID = "000000000000";
const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;
const RUN_SCHEDULE_PATH = /^\/_functions\/schedules\/([^/]+)\/run$/;
/** Lambda retries a failed asynchronous invocation twice (MaximumRetryAttempts' default). */
const ASYNC_RETRY_DELAYS_MS = [1000, 2000];
const MAX_BODY_BYTES = 6 * 1024 * 1024;

export interface FunctionsHostOptions {
  port: number;
  host?: string;
  functions: ReadonlyArray<FunctionDefinition>;
  schedules?: ReadonlyArray<ScheduleDefinition>;
  /** Run the schedules on their timer (default true); on demand they run either way. */
  runSchedules?: boolean;
  retryDelaysMs?: ReadonlyArray<number>;
  log?: (line: string) => void;
}

export interface FunctionsHost extends RunningService {
  /** Waits for asynchronous invocations under way (and their retries). */
  settled(): Promise<void>;
}

const region = () => process.env.AWS_REGION || "us-east-1";

/**
 * Runs our Lambda handler modules in this process behind Lambda's Invoke API
 * (`POST /2015-03-31/functions/{name}/invocations`, `X-Amz-Invocation-Type` RequestResponse or
 * Event), and fires EventBridge-like schedules at them. Point `AWS_ENDPOINT_URL_LAMBDA` at it.
 */
export async function startFunctionsHost(opts: FunctionsHostOptions): Promise<FunctionsHost> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const byName = new Map(opts.functions.map((f) => [f.name, f]));
  const loaded = new Map<string, Promise<Handler>>();
  const pending = new Set<Promise<unknown>>();
  const schedules = opts.schedules ?? [];
  for (const s of schedules) if (!byName.has(s.functionName)) throw new Error(`Schedule ${s.name}: no function ${s.functionName}`);

  const run = async (name: string, event: unknown): Promise<unknown> => {
    const definition = byName.get(name)!;
    let handler = loaded.get(name);
    if (!handler) loaded.set(name, (handler = definition.load()));
    const requestId = randomUUID();
    const started = Date.now();
    try {
      const result = await (await handler)(event, { functionName: name, awsRequestId: requestId });
      log(`invoke ${name} ${requestId} ok ${Date.now() - started} ms`);
      return result;
    } catch (error) {
      log(
        `invoke ${name} ${requestId} error ${Date.now() - started} ms: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      throw error;
    }
  };

  const runAsync = (name: string, event: unknown) => {
    const delays = opts.retryDelaysMs ?? ASYNC_RETRY_DELAYS_MS;
    const attempt = async () => {
      for (let i = 0; ; i++) {
        try {
          return await run(name, event);
        } catch (error) {
          if (i >= delays.length) return error;
          await new Promise((resolve) => setTimeout(resolve, delays[i]));
        }
      }
    };
    const p = attempt();
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };

  const scheduler = new Scheduler(
    schedules,
    (s) => runAsync(s.functionName, s.input ?? scheduledEvent(s, Date.now(), region(), ACCOUNT_ID)),
    Date.now(),
  );
  if (opts.runSchedules !== false) scheduler.start();

  const server = createServer((req, res) => void handle(req, res));
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (req.method === "GET" && (url.pathname === "/health" || url.pathname === "/")) return json(res, 200, { status: "ok" });
      if (req.method === "GET" && url.pathname === "/_functions") {
        return json(res, 200, {
          functions: [...byName.keys()],
          schedules: schedules.map(({ name, expression, functionName }) => ({ name, expression, functionName })),
        });
      }
      const invoke = INVOKE_PATH.exec(url.pathname);
      const runSchedule = RUN_SCHEDULE_PATH.exec(url.pathname);
      if (req.method === "POST" && invoke) {
        const name = decodeURIComponent(invoke[1]!);
        if (!byName.has(name)) return notFound(res, name);
        const event = parse(await readBody(req));
        const type = String(req.headers["x-amz-invocation-type"] ?? "RequestResponse");
        if (type === "DryRun") {
          res.writeHead(204).end();
          return;
        }
        if (type === "Event") {
          runAsync(name, event);
          res.writeHead(202, { "x-amzn-requestid": randomUUID() }).end();
          return;
        }
        try {
          return json(res, 200, (await run(name, event)) ?? null, { "x-amz-executed-version": "$LATEST" });
        } catch (error) {
          // Lambda answers a function error with 200 and X-Amz-Function-Error, the error as the payload.
          const e = error instanceof Error ? error : new Error(String(error));
          return json(
            res,
            200,
            { errorType: e.name, errorMessage: e.message, stackTrace: (e.stack ?? "").split("\n") },
            { "x-amz-function-error": "Unhandled" },
          );
        }
      }
      if (req.method === "POST" && runSchedule) {
        const schedule = schedules.find((s) => s.name === decodeURIComponent(runSchedule[1]!));
        if (!schedule) return json(res, 404, { message: `No schedule ${runSchedule[1]}` });
        const result = await run(schedule.functionName, schedule.input ?? scheduledEvent(schedule, Date.now(), region(), ACCOUNT_ID));
        return json(res, 200, { result: result ?? null });
      }
      json(res, 404, { message: `No route ${req.method ?? ""} ${url.pathname}` });
    } catch (error) {
      json(res, 500, { message: error instanceof Error ? error.message : String(error) });
    }
  }

  const port = await listen(server, "functions", opts.port, opts.host ?? "127.0.0.1");
  const settled = async () => {
    while (pending.size > 0) await Promise.allSettled([...pending]);
  };
  return {
    name: "functions",
    url: `http://${opts.host ?? "127.0.0.1"}:${port}`,
    port,
    settled,
    async close() {
      scheduler.stop();
      await closeServer(server);
      await settled();
    },
  };
}

function notFound(res: ServerResponse, name: string): void {
  const message = `Function not found: arn:aws:lambda:${region()}:${ACCOUNT_ID}:function:${name}`;
  json(res, 404, { Type: "User", message }, { "x-amzn-errortype": "ResourceNotFoundException" });
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error("Request payload too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function parse(text: string): unknown {
  if (text.trim() === "") return {};
  return JSON.parse(text) as unknown;
}
