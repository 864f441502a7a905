import type { StateStore } from "../state/store";
import type { EndpointRecord, Json } from "../state/types";

/** What the endpoint operations need from whoever runs deployments (see runtime/lifecycle.ts). */
export interface DeploymentRunner {
  /** Begins loading `endpoint.pending`; the runner later moves the endpoint to InService or Failed. */
  start(endpoint: EndpointRecord): void;
  /** Forgets an endpoint: stops its transitions and unloads its models. */
  remove(endpointName: string): void;
}

export interface ControlContext {
  store: StateStore;
  deployments: DeploymentRunner;
  now(): number;
}

export type Operation = (ctx: ControlContext, input: unknown) => Json | Promise<Json>;
