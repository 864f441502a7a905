import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "../errors";
import { newRequestId, readBody, sendBody, sendError } from "../http";
import { z } from "zod";
import type { RandomRegistry } from "../runtime/endpoint-random";
import { faultSchema, type FaultRegistry } from "../runtime/faults";
import type { TransitionHolds } from "../runtime/transition-holds";
import type { TrainingJobRecord } from "../state/types";

const routerSchema = z.object({ endpointName: z.string().min(1), seed: z.number().int() });
const holdSchema = z.object({ endpointName: z.string().min(1), hold: z.boolean() });

export interface AdminContext {
  faults: FaultRegistry;
  /** Each endpoint's seeded chance (routing, capture sampling, error faults). */
  random: RandomRegistry;
  /** Transitions a test keeps from finishing until it lets them (POST /_emulator/transitions). */
  holds: TransitionHolds;
  /** Writes buffered capture and metrics now (tests and demos need not wait for the timers). */
  flush(): Promise<void>;
  /** Training jobs by name (for their script's process id). */
  trainingJobs(): Readonly<Record<string, TrainingJobRecord>>;
}

const TRAINING_PROCESS = /^\/_emulator\/training-jobs\/([^/]+)\/process$/;

/**
 * `/_emulator/*`: emulator-only controls on the SageMaker port (README). Not an AWS API.
 *   GET    /_emulator/faults                      → {"faults": [...]}
 *   POST   /_emulator/faults  {endpointName, variantName?, mode, errorRate?, latencyMs?}
 *   DELETE /_emulator/faults[?endpointName=&variantName=]
 *   POST   /_emulator/flush
 *   POST   /_emulator/router  {endpointName, seed}  → restarts the endpoint's seeded streams
 *   POST   /_emulator/transitions {endpointName, hold} → hold (true) or finish (false) its transitions
 *   GET    /_emulator/training-jobs/{name}/process → {TrainingJobName, TrainingJobStatus, pid}: the script's
 *          process id, so a test can check a stopped job's script is gone (its output is in CloudWatch Logs)
 */
export async function handleAdmin(ctx: AdminContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const requestId = newRequestId();
  try {
    const route = `${req.method ?? "GET"} ${url.pathname.replace(/\/+$/, "")}`;
    if (route === "GET /_emulator/faults") return json(res, 200, { faults: ctx.faults.list() });
    const trainingProcess = req.method === "GET" ? TRAINING_PROCESS.exec(url.pathname) : null;
    if (trainingProcess) {
      const name = decodeURIComponent(trainingProcess[1]!);
      const job = ctx.trainingJobs()[name];
      if (!job) throw new ApiError("NotFound", 404, `No training job ${name}.`);
      return json(res, 200, { TrainingJobName: name, TrainingJobStatus: job.TrainingJobStatus, pid: job.pid ?? null });
    }
    if (route === "POST /_emulator/faults") {
      const fault = parseWith(faultSchema, await readBody(req));
      ctx.faults.set(fault);
      return json(res, 200, { fault });
    }
    if (route === "POST /_emulator/router") {
      const { endpointName, seed } = parseWith(routerSchema, await readBody(req));
      ctx.random.reseed(endpointName, seed);
      return json(res, 200, { endpointName, seed });
    }
    if (route === "POST /_emulator/transitions") {
      const { endpointName, hold } = parseWith(holdSchema, await readBody(req));
      if (hold) ctx.holds.hold(endpointName);
      else ctx.holds.release(endpointName);
      return json(res, 200, { endpointName, hold });
    }
    if (route === "DELETE /_emulator/faults") {
      const removed = ctx.faults.clear(url.searchParams.get("endpointName") ?? undefined, url.searchParams.get("variantName") ?? undefined);
      return json(res, 200, { removed });
    }
    if (route === "POST /_emulator/flush") {
      await ctx.flush();
      return json(res, 200, { flushed: true });
    }
    throw new ApiError("NotFound", 404, `No emulator route ${route}.`);
  } catch (error) {
    sendError(res, error instanceof ApiError ? error : new ApiError("InternalFailure", 500, String(error)), requestId, "application/json");
  }
}

function json(res: ServerResponse, status: number, value: unknown): void {
  sendBody(res, status, "application/json", JSON.stringify(value));
}

function parseWith<T>(schema: z.ZodType<T>, body: Buffer): T {
  const parsed = schema.safeParse(parseJson(body));
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
  throw new ApiError("ValidationException", 400, problems);
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new ApiError("ValidationException", 400, "The body is not valid JSON.");
  }
}
