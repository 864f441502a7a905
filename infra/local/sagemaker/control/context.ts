import type { FaultRegistry } from "../runtime/faults";
import type { StateStore } from "../state/store";
import type { EndpointRecord, Json, TrainingJobRecord } from "../state/types";

/** What the endpoint operations need from whoever runs deployments (see runtime/lifecycle.ts). */
export interface DeploymentRunner {
  /** Begins loading `endpoint.pending`; the runner later moves the endpoint to InService or Failed. */
  start(endpoint: EndpointRecord): void;
  /**
   * Deletes an endpoint marked Deleting: stops its transitions and traffic at once, and drops its
   * record (and tags) once the deletion has taken its time, as SageMaker does.
   */
  remove(endpoint: EndpointRecord): void;
}

/** What the training-job operations need from whoever runs the jobs (see training/runner.ts). */
export interface TrainingRunner {
  /** Runs a job just recorded as InProgress/Starting; the runner moves it on to its end. */
  start(job: TrainingJobRecord): void;
  /** Ends a job just marked Stopping: its process is signalled, then it is Stopped. */
  stop(job: TrainingJobRecord): void;
}

export interface ControlContext {
  store: StateStore;
  deployments: DeploymentRunner;
  training: TrainingRunner;
  /** Injected faults; the control plane honours `control-plane` ones (runtime/faults.ts). */
  faults?: FaultRegistry;
  now(): number;
}

export type Operation = (ctx: ControlContext, input: unknown) => Json | Promise<Json>;
