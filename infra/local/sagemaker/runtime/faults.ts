import { z } from "zod";

/**
 * Injected faults, for tests and demos (README). In memory only: a restart clears them, so a demo
 * never comes back up broken by yesterday's experiment.
 *  - down:  every call routed to the variant fails as a crashed container does (ModelError 424).
 *  - error: a fraction (errorRate, default 1) of calls fail with the container's 500 (ModelError 424).
 *  - slow:  every call waits latencyMs longer inside the "container" (counts as ModelLatency).
 *  - control-plane: the endpoint's updates (UpdateEndpoint, UpdateEndpointWeightsAndCapacities) fail
 *    with one of AWS's common server-side errors (errorCode, default InternalFailure); invocations
 *    and DescribeEndpoint are untouched. variantName does not apply.
 */

/**
 * AWS's common errors a control-plane call can meet whatever its input (SageMaker API reference,
 * Common Errors): InternalFailure 500 "The request processing has failed because of an unknown
 * error, exception or failure", ServiceUnavailable 503 "The request has failed due to a temporary
 * failure of the server", ThrottlingException 400 "The request was denied due to request throttling".
 */
export const CONTROL_PLANE_ERRORS = {
  InternalFailure: { status: 500, message: "The request processing has failed because of an unknown error, exception or failure." },
  ServiceUnavailable: { status: 503, message: "The request has failed due to a temporary failure of the server." },
  ThrottlingException: { status: 400, message: "Rate exceeded" },
} as const;
export type ControlPlaneErrorCode = keyof typeof CONTROL_PLANE_ERRORS;
export const faultSchema = z.object({
  endpointName: z.string().min(1),
  /** Omitted = every variant of the endpoint. */
  variantName: z.string().min(1).optional(),
  mode: z.enum(["down", "error", "slow", "control-plane"]),
  errorRate: z.number().min(0).max(1).optional(),
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  errorCode: z.enum(Object.keys(CONTROL_PLANE_ERRORS) as [ControlPlaneErrorCode, ...ControlPlaneErrorCode[]]).optional(),
});

export type Fault = z.infer<typeof faultSchema>;

export class FaultRegistry {
  private readonly faults = new Map<string, Fault>();

  get isEmpty(): boolean {
    return this.faults.size === 0;
  }

  set(fault: Fault): void {
    if (fault.mode === "control-plane") this.faults.set(keyOf(fault.endpointName, CONTROL), { ...fault, variantName: undefined });
    else this.faults.set(keyOf(fault.endpointName, fault.variantName), fault);
  }

  /** Clears matching faults (all when no endpoint is given); returns how many were removed. */
  clear(endpointName?: string, variantName?: string): number {
    let removed = 0;
    for (const [key, fault] of this.faults) {
      if (endpointName && fault.endpointName !== endpointName) continue;
      if (variantName && fault.variantName !== variantName) continue;
      this.faults.delete(key);
      removed++;
    }
    return removed;
  }

  list(): Fault[] {
    return [...this.faults.values()];
  }

  /** The control-plane fault of an endpoint, if any. */
  controlPlane(endpointName: string): Fault | undefined {
    return this.faults.get(keyOf(endpointName, CONTROL));
  }

  /** The runtime fault for a variant: its own, else the endpoint-wide one. */
  find(endpointName: string, variantName: string): Fault | undefined {
    return this.faults.get(keyOf(endpointName, variantName)) ?? this.faults.get(keyOf(endpointName, undefined));
  }
}

/** Control-plane faults are kept apart from runtime ones (no variant name can contain this). */
const CONTROL = "\u0001control-plane";

function keyOf(endpointName: string, variantName: string | undefined): string {
  return `${endpointName}\u0000${variantName ?? "*"}`;
}
