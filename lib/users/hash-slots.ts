/**
 * Bounds the password hashes computed at once on this instance. Each scrypt check takes 32 MiB and
 * a libuv thread for ~150 ms, and sign-in is unauthenticated: without a bound, a flood of attempts
 * is a memory and CPU lever on the whole console. Up to `concurrency` run, up to `queue` wait;
 * beyond that an attempt is refused at once (answered as a failed sign-in, like every refusal).
 */
export interface HashSlots {
  /** The task's result, or `busy` when no slot and no queue place is free. */
  run<T>(task: () => Promise<T>): Promise<T | "busy">;
}

export function createHashSlots(options: { concurrency: number; queue: number }): HashSlots {
  let running = 0;
  const waiting: Array<() => void> = [];

  function release(): void {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }

  return {
    async run<T>(task: () => Promise<T>): Promise<T | "busy"> {
      if (running < options.concurrency) running++;
      else if (waiting.length < options.queue) await new Promise<void>((resolve) => waiting.push(resolve));
      else return "busy";
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}

/** Two cores here: four concurrent hashes (128 MiB) keep both busy; 32 more may wait a second or so. */
let live: HashSlots | undefined;
export function passwordHashSlots(): HashSlots {
  return (live ??= createHashSlots({ concurrency: 4, queue: 32 }));
}
