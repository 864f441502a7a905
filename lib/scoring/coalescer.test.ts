import { describe, expect, it, vi } from "vitest";
import { createCoalescer, type Schedule } from "./coalescer";

/** A manual scheduler: tests decide when the coalescing window closes. */
function manualSchedule() {
  const queued: Array<() => void> = [];
  const schedule: Schedule = (fn) => void queued.push(fn);
  return { schedule, run: () => queued.splice(0).forEach((fn) => fn()), size: () => queued.length };
}

/** An invoke whose calls the test resolves by hand. */
function manualInvoke() {
  const calls: Array<{ rows: number[]; resolve(r: string[]): void; reject(e: unknown): void }> = [];
  const invoke = vi.fn((rows: number[]) => new Promise<string[]>((resolve, reject) => void calls.push({ rows, resolve, reject })));
  return { invoke, calls };
}

const settle = () => new Promise((r) => setImmediate(r));

describe("createCoalescer", () => {
  it("sends rows submitted in the same window as one call and hands each its own result", async () => {
    const clock = manualSchedule();
    const { invoke, calls } = manualInvoke();
    const c = createCoalescer({ invoke, schedule: clock.schedule });
    const results = [1, 2, 3].map((n) => c.submit(n));
    expect(invoke).not.toHaveBeenCalled();
    clock.run();
    expect(calls.map((call) => call.rows)).toEqual([[1, 2, 3]]);
    calls[0]?.resolve(["a", "b", "c"]);
    await expect(Promise.all(results)).resolves.toEqual(["a", "b", "c"]);
  });

  it("queues behind a full set of calls and sends the queue together as soon as one returns", async () => {
    const clock = manualSchedule();
    const { invoke, calls } = manualInvoke();
    const c = createCoalescer({ invoke, schedule: clock.schedule, maxInFlight: 1 });
    const first = c.submit(1);
    clock.run();
    const queued = [2, 3, 4].map((n) => c.submit(n));
    expect(clock.size()).toBe(0); // no timer while the slot is busy
    expect(c.stats()).toEqual({ pending: 3, inFlight: 1 });
    calls[0]?.resolve(["one"]);
    await first;
    await settle();
    expect(calls.map((call) => call.rows)).toEqual([[1], [2, 3, 4]]);
    calls[1]?.resolve(["two", "three", "four"]);
    await expect(Promise.all(queued)).resolves.toEqual(["two", "three", "four"]);
  });

  it("splits a backlog into calls of at most maxBatch rows", () => {
    const clock = manualSchedule();
    const { invoke, calls } = manualInvoke();
    const c = createCoalescer({ invoke, schedule: clock.schedule, maxBatch: 2, maxInFlight: 8 });
    for (let n = 1; n <= 5; n++) void c.submit(n);
    clock.run();
    expect(calls.map((call) => call.rows)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("sends at once when a window fills to maxBatch", () => {
    const clock = manualSchedule();
    const { invoke, calls } = manualInvoke();
    const c = createCoalescer({ invoke, schedule: clock.schedule, maxBatch: 2 });
    void c.submit(1);
    void c.submit(2);
    expect(calls.map((call) => call.rows)).toEqual([[1, 2]]);
  });

  it("rejects every row of a failed call, and keeps serving afterwards", async () => {
    const clock = manualSchedule();
    const { invoke, calls } = manualInvoke();
    const c = createCoalescer({ invoke, schedule: clock.schedule });
    const failing = [c.submit(1), c.submit(2)];
    clock.run();
    calls[0]?.reject(new Error("ModelError"));
    for (const p of failing) await expect(p).rejects.toThrow("ModelError");
    const later = c.submit(3);
    clock.run();
    calls[1]?.resolve(["ok"]);
    await expect(later).resolves.toBe("ok");
    expect(c.stats()).toEqual({ pending: 0, inFlight: 0 });
  });

  it("rejects when the endpoint answers a different number of rows", async () => {
    const clock = manualSchedule();
    const { invoke, calls } = manualInvoke();
    const c = createCoalescer({ invoke, schedule: clock.schedule });
    const rows = [c.submit(1), c.submit(2)];
    clock.run();
    calls[0]?.resolve(["only one"]);
    for (const p of rows) await expect(p).rejects.toThrow(/expected 2 results/);
  });

  it("turns a synchronous throw of invoke into rejections", async () => {
    const clock = manualSchedule();
    const c = createCoalescer<number, string>({
      invoke: () => {
        throw new Error("boom");
      },
      schedule: clock.schedule,
    });
    const p = c.submit(1);
    clock.run();
    await expect(p).rejects.toThrow("boom");
  });
});
