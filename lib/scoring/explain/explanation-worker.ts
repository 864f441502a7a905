import { FEATURE_NAMES } from "@/lib/features/schema";
import type { ExplanationWrite } from "@/lib/queue/record-explanation";
import { EXPLANATION_LEASE_MS } from "@/lib/queue/explanation";
import type { FeatureAttribution, ScoredRecord } from "../parse-invocation";
import { topReasons, type Reason } from "../top-reasons";
import type { ExplanationJob } from "./explanation-job";

/** Where the worker writes (lib/queue/record-explanation.ts with the live table, fakes in unit tests). */
export interface ExplanationStore {
  ready(input: {
    tenantId: string;
    txnId: string;
    attributions: FeatureAttribution[];
    baseValue: number | null;
    reasons: Reason[];
    attempts: number;
  }): Promise<ExplanationWrite>;
  retry(input: { tenantId: string; txnId: string; attempts: number; error: string; leaseUntil: Date }): Promise<ExplanationWrite>;
  fail(input: { tenantId: string; txnId: string; attempts: number; error: string }): Promise<ExplanationWrite>;
}

export interface ExplanationWorkerOptions {
  /** One InvokeEndpoint with explanations on, pinned to the job's variant. */
  explain: (job: ExplanationJob) => Promise<ScoredRecord>;
  store: ExplanationStore;
  /** Explanation calls in flight at once (per console instance). */
  concurrency?: number;
  /** Jobs waiting beyond these are dropped: the item stays pending and is re-driven when its lease ends. */
  maxQueued?: number;
  /** InvokeEndpoint attempts per item in all, across re-drives. */
  maxAttempts?: number;
  /** First retry after this; doubles per attempt. */
  backoffMs?: number;
  now?: () => Date;
  schedule?: (fn: () => void, ms: number) => void;
  onError?: (error: unknown, job: ExplanationJob) => void;
}

export interface ExplanationWorker {
  /** Queues a job; false when the queue is full (the item's lease then runs out and it is re-driven). */
  submit(job: ExplanationJob): boolean;
  /** Resolves once nothing is queued, running or waiting for a retry: tests and the seed drain with it. */
  idle(): Promise<void>;
  stats(): { queued: number; running: number; waiting: number };
}

export const MAX_EXPLANATION_ATTEMPTS = 4;

/** Errors a retry cannot mend: the request itself is wrong (e.g. the variant is no longer on the endpoint). */
const PERMANENT = new Set(["ValidationError", "ValidationException", "InvocationParseError", "ExplanationMismatchError"]);

export class ExplanationMismatchError extends Error {
  override name = "ExplanationMismatchError";
}

/**
 * A bounded background worker for explanations, off the scoring path. Each job makes one call per
 * attempt; a failed attempt is recorded on the item (attempts, error, a lease until the retry is
 * due) and retried with exponential backoff up to maxAttempts in all, then the item says `failed`
 * with the reason. Nothing here matters across a crash: the item is the record, and a lost job is
 * found again by its expired lease (redrive-explanations.ts).
 */
export function createExplanationWorker(options: ExplanationWorkerOptions): ExplanationWorker {
  const { explain, store, concurrency = 4, maxQueued = 10_000, maxAttempts = MAX_EXPLANATION_ATTEMPTS, backoffMs = 1_000 } = options;
  const now = options.now ?? (() => new Date());
  const schedule = options.schedule ?? ((fn, ms) => void setTimeout(fn, ms));
  // One line per failed attempt: model trouble is operational noise here, as on the scoring path.
  const onError =
    options.onError ?? ((error: unknown, job: ExplanationJob) => console.warn(`explanation of ${job.txnId} failed: ${describe(error)}`));
  const queue: ExplanationJob[] = [];
  let running = 0;
  let waiting = 0;
  let idleWaiters: Array<() => void> = [];

  function settleIdle(): void {
    if (queue.length > 0 || running > 0 || waiting > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  function pump(): void {
    while (running < concurrency && queue.length > 0) {
      const job = queue.shift() as ExplanationJob;
      running += 1;
      void attempt(job).finally(() => {
        running -= 1;
        pump();
        settleIdle();
      });
    }
  }

  async function attempt(job: ExplanationJob): Promise<void> {
    const attempts = job.attempts + 1;
    const target = { tenantId: job.tenantId, txnId: job.txnId };
    try {
      const call = job.inFlight ?? explain(job);
      const record = await call;
      if (!record.attributions) throw new ExplanationMismatchError("the endpoint answered without attributions");
      const reasons = topReasons(record.attributions, job.vector, FEATURE_NAMES);
      await store.ready({ ...target, attributions: record.attributions, baseValue: record.baseValue, reasons, attempts });
    } catch (error) {
      onError(error, job);
      const message = describe(error);
      const isPermanent = PERMANENT.has((error as { name?: string }).name ?? "");
      try {
        if (isPermanent || attempts >= maxAttempts) {
          await store.fail({ ...target, attempts, error: message });
          return;
        }
        const delay = backoffMs * 2 ** (attempts - 1);
        await store.retry({ ...target, attempts, error: message, leaseUntil: new Date(now().getTime() + delay + EXPLANATION_LEASE_MS) });
        waiting += 1;
        schedule(() => {
          waiting -= 1;
          enqueue({ ...job, attempts, inFlight: undefined });
          settleIdle();
        }, delay);
      } catch (storeError) {
        // The item keeps its lease; once it runs out, a re-drive takes the job up again.
        onError(storeError, job);
      }
    }
  }

  function enqueue(job: ExplanationJob): boolean {
    if (queue.length >= maxQueued) return false;
    queue.push(job);
    pump();
    return true;
  }

  return {
    submit(job) {
      // Dropped with a full queue, a call already in flight is simply not awaited (re-driven later).
      if (job.inFlight) job.inFlight.catch(() => undefined);
      return enqueue(job);
    },
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      });
    },
    stats: () => ({ queued: queue.length, running, waiting }),
  };
}

function describe(error: unknown): string {
  const e = error as { name?: string; message?: string };
  return `${e.name ?? "Error"}: ${e.message ?? String(error)}`.slice(0, 300);
}
