import { describe, expect, it, vi } from "vitest";
import { FEATURE_NAMES } from "@/lib/features/schema";
import type { ScoredRecord } from "../parse-invocation";
import type { ExplanationJob } from "./explanation-job";
import { createExplanationWorker, type ExplanationStore } from "./explanation-worker";

const job = (txnId: string, extra: Partial<ExplanationJob> = {}): ExplanationJob => ({
  tenantId: "t",
  txnId,
  endpointName: "e",
  variant: "canary",
  vector: FEATURE_NAMES.map(() => 1),
  attempts: 0,
  ...extra,
});

const record: ScoredRecord = {
  score: 0.9,
  attributions: FEATURE_NAMES.map((feature, i) => ({ feature, attribution: i === 0 ? 1.5 : 0 })),
  baseValue: -1,
};

function fakeStore() {
  return {
    ready: vi.fn<ExplanationStore["ready"]>(() => Promise.resolve("applied")),
    retry: vi.fn<ExplanationStore["retry"]>(() => Promise.resolve("applied")),
    fail: vi.fn<ExplanationStore["fail"]>(() => Promise.resolve("applied")),
  } satisfies ExplanationStore;
}

/** Timers the test fires by hand, so backoff is asserted by its delays, not by waiting. */
function manualSchedule() {
  const timers: Array<{ fn: () => void; ms: number }> = [];
  return {
    timers,
    schedule: (fn: () => void, ms: number) => void timers.push({ fn, ms }),
    fire: () => timers.splice(0).forEach((t) => t.fn()),
  };
}

const modelError = () => Object.assign(new Error("container crashed"), { name: "ModelError" });

describe("createExplanationWorker", () => {
  it("writes the attributions and reasons of each job, and idle() resolves once all are written", async () => {
    const store = fakeStore();
    const explain = vi.fn(() => Promise.resolve(record));
    const worker = createExplanationWorker({ explain, store, onError: () => undefined });
    worker.submit(job("a"));
    worker.submit(job("b"));
    await worker.idle();
    expect(explain).toHaveBeenCalledTimes(2);
    expect(store.ready).toHaveBeenCalledWith(
      expect.objectContaining({
        txnId: "a",
        attributions: record.attributions,
        baseValue: -1,
        attempts: 1,
        reasons: [expect.objectContaining({ feature: FEATURE_NAMES[0] })],
      }),
    );
    expect(worker.stats()).toEqual({ queued: 0, running: 0, waiting: 0 });
  });

  it("keeps at most `concurrency` calls in flight", async () => {
    let inFlight = 0;
    let most = 0;
    const explain = async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      return record;
    };
    const worker = createExplanationWorker({ explain, store: fakeStore(), concurrency: 2 });
    for (let i = 0; i < 7; i++) worker.submit(job(`j${i}`));
    await worker.idle();
    expect(most).toBe(2);
  });

  it("refuses jobs beyond maxQueued (the item stays pending and is re-driven when its lease ends)", () => {
    const worker = createExplanationWorker({
      explain: () => new Promise(() => undefined),
      store: fakeStore(),
      concurrency: 1,
      maxQueued: 1,
    });
    expect(worker.submit(job("running"))).toBe(true);
    expect(worker.submit(job("queued"))).toBe(true);
    expect(worker.submit(job("dropped"))).toBe(false);
  });

  it("retries a model error with doubling backoff, recording each attempt, then marks the item failed", async () => {
    const store = fakeStore();
    const timers = manualSchedule();
    const explain = vi.fn(() => Promise.reject(modelError()));
    const now = () => new Date("2026-12-01T09:00:00.000Z");
    const worker = createExplanationWorker({
      explain,
      store,
      maxAttempts: 3,
      backoffMs: 100,
      schedule: timers.schedule,
      now,
      onError: () => undefined,
    });
    worker.submit(job("x"));
    let idle = false;
    const drained = worker.idle().then(() => (idle = true));
    for (const delay of [100, 200]) {
      await vi.waitFor(() => expect(timers.timers).toHaveLength(1));
      expect(timers.timers[0]?.ms).toBe(delay);
      expect(idle).toBe(false);
      timers.fire();
    }
    await drained;
    expect(explain).toHaveBeenCalledTimes(3);
    expect(store.retry.mock.calls.map(([c]) => [c.attempts, c.leaseUntil.toISOString()])).toEqual([
      [1, "2026-12-01T09:00:30.100Z"],
      [2, "2026-12-01T09:00:30.200Z"],
    ]);
    expect(store.retry).toHaveBeenCalledWith(expect.objectContaining({ error: "ModelError: container crashed" }));
    expect(store.fail).toHaveBeenCalledWith({ tenantId: "t", txnId: "x", attempts: 3, error: "ModelError: container crashed" });
    expect(store.ready).not.toHaveBeenCalled();
  });

  it("counts attempts made before a re-drive against the same bound", async () => {
    const store = fakeStore();
    const worker = createExplanationWorker({
      explain: () => Promise.reject(modelError()),
      store,
      maxAttempts: 4,
      onError: () => undefined,
    });
    worker.submit(job("x", { attempts: 3 }));
    await worker.idle();
    expect(store.fail).toHaveBeenCalledWith(expect.objectContaining({ attempts: 4 }));
    expect(store.retry).not.toHaveBeenCalled();
  });

  it("fails at once on an error a retry cannot mend (the variant is gone: ValidationError)", async () => {
    const store = fakeStore();
    const gone = Object.assign(new Error("Variant canary not found"), { name: "ValidationError" });
    const worker = createExplanationWorker({ explain: () => Promise.reject(gone), store, onError: () => undefined });
    worker.submit(job("x"));
    await worker.idle();
    expect(store.fail).toHaveBeenCalledWith(expect.objectContaining({ attempts: 1, error: "ValidationError: Variant canary not found" }));
  });

  it("awaits a call already in flight as its first attempt instead of asking again", async () => {
    const store = fakeStore();
    const explain = vi.fn(() => Promise.resolve(record));
    const worker = createExplanationWorker({ explain, store });
    worker.submit(job("x", { inFlight: Promise.resolve(record) }));
    await worker.idle();
    expect(explain).not.toHaveBeenCalled();
    expect(store.ready).toHaveBeenCalledWith(expect.objectContaining({ attempts: 1 }));
  });
});
