import type { FaultRegistry } from "../runtime/faults";
import type { StateStore } from "../state/store";
import type { EndpointRecord, Json } from "../state/types";

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

export interface ControlContext {
  store: StateStore;
  deployments: DeploymentRunner;
  /** Injected faults; the control plane honours `control-plane` ones (runtime/faults.ts). */
  faults?: FaultRegistry;
  now(): number;
}

export type Operation = (ctx: ControlContext, input: unknown) => Json | Promise<Json>;
