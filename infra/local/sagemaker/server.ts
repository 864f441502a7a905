import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { closeServer, listen, type RunningService } from "../service";
import { handleAdmin, type AdminContext } from "./admin/routes";
import type { ControlContext } from "./control/context";
import { handleControlPlane } from "./control/dispatch";
import { ApiError } from "./errors";
import { sendError, newRequestId } from "./http";
import { CaptureWriter } from "./runtime/capture";
import { FaultRegistry } from "./runtime/faults";
import { Hosting } from "./runtime/hosting";
import { handleInvoke, type RuntimeContext } from "./runtime/invoke";
import { EndpointLifecycle } from "./runtime/lifecycle";
import { MetricsAggregator } from "./runtime/metrics";
import { ModelCache } from "./runtime/model-cache";
import { TransitionHolds } from "./runtime/transition-holds";
import { StateStore } from "./state/store";
import { TrainingJobRunner } from "./training/runner";
import { PYTHON } from "../../model/pipeline/python";

export interface SageMakerEmulatorOptions {
  port: number;
  host?: string;
  dataDir: string;
  /** How long Creating/Updating last once the models have loaded. */
  transitionMs?: number;
  /** How long a weights-only update lasts (default a quarter of transitionMs): no instance moves. */
  weightsTransitionMs?: number;
  /** How often per-variant metrics go to CloudWatch. */
  metricsFlushMs?: number;
  /** How often buffered data capture is written to S3. */
  captureFlushMs?: number;
  /** How long a stopped training script has between SIGTERM and SIGKILL (AWS: 120 s). */
  trainingStopGraceMs?: number;
}

/** A weights-only update re-routes among serving instances, so it takes a quarter of a model-loading change. */
export const defaultWeightsTransitionMs = (transitionMs: number): number => transitionMs / 4;

const INVOKE_PATH = /^\/endpoints\/([^/]+)\/invocations\/?$/;

/**
 * SageMaker control plane (AWS JSON 1.1 on `POST /`), runtime (`POST /endpoints/{name}/invocations`)
 * and the emulator's own `/_emulator/*` routes, on one port. State lives under dataDir.
 */
export async function startSageMakerEmulator(opts: SageMakerEmulatorOptions): Promise<RunningService> {
  const store = new StateStore(opts.dataDir);
  const hosting = new Hosting();
  const metrics = new MetricsAggregator();
  const capture = new CaptureWriter();
  const faults = new FaultRegistry();
  const holds = new TransitionHolds();
  const lifecycle = new EndpointLifecycle({
    store,
    hosting,
    models: new ModelCache(),
    metrics,
    transitionMs: opts.transitionMs ?? 1000,
    weightsTransitionMs: opts.weightsTransitionMs ?? defaultWeightsTransitionMs(opts.transitionMs ?? 1000),
    holds,
    now: Date.now,
  });
  const training = new TrainingJobRunner({ store, now: Date.now, python: PYTHON, stopGraceMs: opts.trainingStopGraceMs });
  const control: ControlContext = { store, deployments: lifecycle, training, faults, now: Date.now };
  const runtime: RuntimeContext = { hosting, faults, capture };
  const flush = () => Promise.all([capture.flush(), metrics.flush()]).then(() => undefined);
  const admin: AdminContext = { faults, flush, random: hosting.random, holds, trainingJobs: () => store.state.trainingJobs };

  const server = createServer((req, res) => void route(req, res));
  // Many keep-alive clients (the scoring API, load tests) share this server.
  server.keepAliveTimeout = 65_000;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const invoke = req.method === "POST" ? INVOKE_PATH.exec(url.pathname) : null;
    if (invoke) return handleInvoke(runtime, req, res, decodeURIComponent(invoke[1]!));
    if (url.pathname.startsWith("/_emulator/")) return handleAdmin(admin, req, res, url);
    if (req.method === "POST" && url.pathname === "/") return handleControlPlane(control, req, res);
    req.resume();
    sendError(
      res,
      new ApiError("UnknownOperationException", 404, `No route for ${req.method} ${url.pathname}.`),
      newRequestId(),
      "application/json",
    );
  }

  await lifecycle.resume();
  training.resume();
  const host = opts.host ?? "127.0.0.1";
  let port: number;
  try {
    port = await listen(server, "sagemaker", opts.port, host);
  } catch (error) {
    lifecycle.close();
    throw error;
  }
  const timers = [
    setInterval(() => void capture.flush(), opts.captureFlushMs ?? 5_000),
    setInterval(() => void metrics.flush(), opts.metricsFlushMs ?? 10_000),
  ];
  for (const timer of timers) timer.unref();

  return {
    name: "sagemaker",
    port,
    url: `http://${host}:${port}`,
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      lifecycle.close();
      await training.close();
      await closeServer(server);
      await Promise.all([flush(), store.flush()]);
    },
  };
}
