/**
 * Emulator-only: lets a test keep an endpoint in Creating / Updating / Deleting for as long as it
 * needs to look at that state, instead of racing the transition timer (a describe that arrives
 * after `transitionMs` on a loaded machine would see InService). Not an AWS API; see README.
 */
export class TransitionHolds {
  private readonly held = new Map<string, { released: Promise<void>; release: () => void }>();

  // Endpoint names are case-insensitive on AWS (the ARN is lower-cased).
  private static key(endpointName: string): string {
    return endpointName.toLowerCase();
  }

  /** Transitions of this endpoint (current or future) wait at their end until released. */
  hold(endpointName: string): void {
    const key = TransitionHolds.key(endpointName);
    if (this.held.has(key)) return;
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    this.held.set(key, { released, release });
  }

  release(endpointName: string): void {
    const key = TransitionHolds.key(endpointName);
    this.held.get(key)?.release();
    this.held.delete(key);
  }

  releaseAll(): void {
    for (const name of [...this.held.keys()]) this.release(name);
  }

  /** Resolves at once unless the endpoint is held. */
  passed(endpointName: string): Promise<void> {
    return this.held.get(TransitionHolds.key(endpointName))?.released ?? Promise.resolve();
  }
}
