/**
 * Coalesces concurrent single requests to one endpoint into one InvokeEndpoint call of several CSV
 * rows. The SDK costs ~0.9 ms of CPU per call (signing, serialising, parsing), which at a few
 * thousand requests/s is the route's whole budget; rows cost microseconds each.
 *
 * Policy ("group commit"): a row arriving with a call slot free waits one scheduler turn (windowMs,
 * default: the next macrotask, so rows parsed in the same turn share a call) and goes; while
 * maxInFlight calls are out, rows queue and leave together as soon as a call returns. Under light
 * load nothing waits for a timer; under heavy load batches grow by themselves.
 *
 * Trade-offs: SageMaker routes each *call* to one variant, so a batch shares one variant and the
 * canary's share is a share of calls (equal in expectation, lumpier per transaction); data capture
 * writes one record per call holding several rows, which the drift job must split; one failing call
 * degrades every transaction in it.
 */
export type InvokeRows<Row, Result> = (rows: Row[]) => Promise<Result[]>;
export type Schedule = (fn: () => void, delayMs: number) => void;

export interface CoalescerOptions<Row, Result> {
  invoke: InvokeRows<Row, Result>;
  /** Rows per call; InvokeEndpoint takes up to 6 MB, a row is ~60 bytes. */
  maxBatch?: number;
  /** Calls in flight at once to this endpoint. */
  maxInFlight?: number;
  /** How long a row may wait for company when a slot is free; 0 = next macrotask. */
  windowMs?: number;
  schedule?: Schedule;
}

export interface Coalescer<Row, Result> {
  submit(row: Row): Promise<Result>;
  /** Rows waiting and calls in flight (for tests and metrics). */
  stats(): { pending: number; inFlight: number };
}

interface Waiter<Row, Result> {
  row: Row;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

export const defaultSchedule: Schedule = (fn, delayMs) => {
  if (delayMs <= 0) setImmediate(fn);
  else setTimeout(fn, delayMs);
};

export class CoalescedResultError extends Error {
  override name = "CoalescedResultError";
}

export function createCoalescer<Row, Result>(options: CoalescerOptions<Row, Result>): Coalescer<Row, Result> {
  const { invoke, maxBatch = 256, maxInFlight = 2, windowMs = 0, schedule = defaultSchedule } = options;
  let pending: Waiter<Row, Result>[] = [];
  let inFlight = 0;
  let isScheduled = false;

  function send(batch: Waiter<Row, Result>[]): void {
    inFlight += 1;
    let call: Promise<Result[]>;
    try {
      call = invoke(batch.map((w) => w.row));
    } catch (error) {
      call = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    call
      .then((results) => {
        if (results.length !== batch.length) throw new CoalescedResultError(`expected ${batch.length} results, got ${results.length}`);
        batch.forEach((w, i) => w.resolve(results[i] as Result));
      })
      .catch((error: unknown) => batch.forEach((w) => w.reject(error)))
      .finally(() => {
        inFlight -= 1;
        // Rows that queued behind a full set of calls have waited already: send them now.
        flush();
      });
  }

  function flush(): void {
    isScheduled = false;
    while (pending.length > 0 && inFlight < maxInFlight) {
      send(pending.slice(0, maxBatch));
      pending = pending.slice(maxBatch);
    }
  }

  return {
    submit(row) {
      return new Promise<Result>((resolve, reject) => {
        pending.push({ row, resolve, reject });
        if (inFlight >= maxInFlight) return; // a returning call flushes
        if (pending.length >= maxBatch) flush();
        else if (!isScheduled) {
          isScheduled = true;
          schedule(flush, windowMs);
        }
      });
    },
    stats: () => ({ pending: pending.length, inFlight }),
  };
}
