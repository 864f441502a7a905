import { describe, expect, it } from "vitest";
import { createHashSlots } from "./hash-slots";

function deferred() {
  let resolve!: (value: string) => void;
  const promise = new Promise<string>((r) => (resolve = r));
  return { promise, resolve };
}

describe("createHashSlots", () => {
  it("runs at most `concurrency` tasks at once, queues up to `queue` and refuses the rest", async () => {
    const slots = createHashSlots({ concurrency: 2, queue: 1 });
    const tasks = [deferred(), deferred(), deferred(), deferred()];
    let started = 0;
    const results = tasks.map((t) => slots.run(() => (started++, t.promise)));
    await Promise.resolve();
    expect(started).toBe(2);
    await expect(results[3]).resolves.toBe("busy");
    tasks[0]!.resolve("a");
    await expect(results[0]).resolves.toBe("a");
    await Promise.resolve();
    expect(started).toBe(3);
    tasks[1]!.resolve("b");
    tasks[2]!.resolve("c");
    await expect(Promise.all(results.slice(1, 3))).resolves.toEqual(["b", "c"]);
    expect(await slots.run(() => Promise.resolve("d"))).toBe("d");
  });

  it("frees the slot when a task fails", async () => {
    const slots = createHashSlots({ concurrency: 1, queue: 0 });
    await expect(slots.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await slots.run(() => Promise.resolve("ok"))).toBe("ok");
  });
});
