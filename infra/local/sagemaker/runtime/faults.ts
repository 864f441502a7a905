import { z } from "zod";

/**
 * Injected faults, for tests and demos (README). In memory only: a restart clears them, so a demo
 * never comes back up broken by yesterday's experiment.
 *  - down:  every call routed to the variant fails as a crashed container does (ModelError 424).
 *  - error: a fraction (errorRate, default 1) of calls fail with the container's 500 (ModelError 424).
 *  - slow:  every call waits latencyMs longer inside the "container" (counts as ModelLatency).
 */
export const faultSchema = z.object({
  endpointName: z.string().min(1),
  /** Omitted = every variant of the endpoint. */
  variantName: z.string().min(1).optional(),
  mode: z.enum(["down", "error", "slow"]),
  errorRate: z.number().min(0).max(1).optional(),
  latencyMs: z.number().int().min(0).max(120_000).optional(),
});

export type Fault = z.infer<typeof faultSchema>;

export class FaultRegistry {
  private readonly faults = new Map<string, Fault>();

  get isEmpty(): boolean {
    return this.faults.size === 0;
  }

  set(fault: Fault): void {
    this.faults.set(keyOf(fault.endpointName, fault.variantName), fault);
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

  /** The fault for a variant: its own, else the endpoint-wide one. */
  find(endpointName: string, variantName: string): Fault | undefined {
    return this.faults.get(keyOf(endpointName, variantName)) ?? this.faults.get(keyOf(endpointName, undefined));
  }
}

function keyOf(endpointName: string, variantName: string | undefined): string {
  return `${endpointName}\u0000${variantName ?? "*"}`;
}
