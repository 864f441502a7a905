import { mulberry32 } from "@/lib/random/mulberry32";

/**
 * The emulator's chance, per endpoint and seeded, so tests can reproduce it: which variant a call
 * is routed to, whether data capture samples it, whether an `error` fault fails it. Each has its
 * own stream, so a test that routes is not thrown off by capture sampling. The default seed is
 * derived from the endpoint's name (the same on every run); `POST /_emulator/router` reseeds.
 */
export class EndpointRandom {
  readonly routing: () => number;
  readonly capture: () => number;
  readonly faults: () => number;

  constructor(readonly seed: number) {
    this.routing = mulberry32(seed);
    this.capture = mulberry32(seed ^ 0x5bd1e995);
    this.faults = mulberry32(seed ^ 0x27d4eb2f);
  }
}

export class RandomRegistry {
  private readonly endpoints = new Map<string, EndpointRandom>();

  of(endpointName: string): EndpointRandom {
    let random = this.endpoints.get(endpointName);
    if (!random) this.endpoints.set(endpointName, (random = new EndpointRandom(seedOf(endpointName))));
    return random;
  }

  /** Restarts the endpoint's streams from `seed`: the same seed and weights give the same sequence. */
  reseed(endpointName: string, seed: number): void {
    this.endpoints.set(endpointName, new EndpointRandom(seed));
  }

  /** A deleted endpoint's streams go with it; a new endpoint of that name starts from its default seed. */
  forget(endpointName: string): void {
    this.endpoints.delete(endpointName);
  }
}

/** FNV-1a of the name: a stable default seed. */
function seedOf(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return hash | 0;
}
