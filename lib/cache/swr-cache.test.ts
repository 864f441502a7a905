import { describe, expect, it, vi } from "vitest";
import { swrCache } from "./swr-cache";

/** A loader whose answers the test releases one by one, so no timing is involved. */
function gatedLoader() {
  const pending: Array<{ resolve: (v: string) => void; reject: (e: Error) => void }> = [];
  const load = vi.fn(() => new Promise<string>((resolve, reject) => pending.push({ resolve, reject })));
  return { load, pending };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("swrCache", () => {
  it("shares one load per key and serves it until the TTL", async () => {
    const { load, pending } = gatedLoader();
    const cache = swrCache<string, string>({ load, ttlMs: 100 });
    const a = cache.get("t", { now: 0 });
    const b = cache.get("t", { now: 1 });
    pending[0]!.resolve("v1");
    await expect(Promise.all([a, b])).resolves.toEqual(["v1", "v1"]);
    await expect(cache.get("t", { now: 99 })).resolves.toBe("v1");
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("serves a stale value while one background load replaces it", async () => {
    const { load, pending } = gatedLoader();
    const cache = swrCache<string, string>({ load, ttlMs: 100 });
    const first = cache.get("t", { now: 0 });
    pending[0]!.resolve("v1");
    await first;
    await expect(cache.get("t", { now: 100 })).resolves.toBe("v1");
    await expect(cache.get("t", { now: 101 })).resolves.toBe("v1");
    expect(load).toHaveBeenCalledTimes(2);
    pending[1]!.resolve("v2");
    await settle();
    await expect(cache.get("t", { now: 150 })).resolves.toBe("v2");
  });

  it("forgets a failed first load, and keeps the stale value when a refresh fails", async () => {
    const { load, pending } = gatedLoader();
    const onError = vi.fn();
    const cache = swrCache<string, string>({ load, ttlMs: 100, onError });
    const failed = cache.get("t", { now: 0 });
    pending[0]!.reject(new Error("down"));
    await expect(failed).rejects.toThrow("down");
    await settle();
    const second = cache.get("t", { now: 1 });
    pending[1]!.resolve("v1");
    await expect(second).resolves.toBe("v1");
    await expect(cache.get("t", { now: 200 })).resolves.toBe("v1");
    pending[2]!.reject(new Error("down again"));
    await settle();
    expect(onError).toHaveBeenCalledTimes(1);
    await expect(cache.get("t", { now: 201 })).resolves.toBe("v1");
  });

  it("can drop the value when a refresh fails, so the next get waits for a load", async () => {
    const { load, pending } = gatedLoader();
    const cache = swrCache<string, string>({ load, ttlMs: 100, onRefreshError: "evict" });
    const first = cache.get("t", { now: 0 });
    pending[0]!.resolve("v1");
    await first;
    await cache.get("t", { now: 100 });
    pending[1]!.reject(new Error("gone"));
    await settle();
    const next = cache.get("t", { now: 101 });
    pending[2]!.resolve("v2");
    await expect(next).resolves.toBe("v2");
  });

  it("bounds staleness and what may be served stale", async () => {
    const { load, pending } = gatedLoader();
    const cache = swrCache<string, string>({
      load,
      ttlMs: (v) => (v === "unknown" ? 10 : 100),
      maxStaleMs: 150,
      isServableStale: (v) => v !== "unknown",
    });
    const first = cache.get("t", { now: 0 });
    pending[0]!.resolve("v1");
    await first;
    await expect(cache.get("t", { now: 120 })).resolves.toBe("v1"); // stale, within the limit
    pending[1]!.reject(new Error("down"));
    await settle();
    const waited = cache.get("t", { now: 150 }); // beyond it: waits
    pending[2]!.resolve("unknown");
    await expect(waited).resolves.toBe("unknown");
    const again = cache.get("t", { now: 161 }); // "unknown" is never served stale, and lives 10
    expect(load).toHaveBeenCalledTimes(4);
    pending[3]!.resolve("v2");
    await expect(again).resolves.toBe("v2");
  });

  it("peeks without waiting and spaces out loads that fail", async () => {
    const { load, pending } = gatedLoader();
    const cache = swrCache<string, string>({ load, ttlMs: 100, minLoadIntervalMs: 50 });
    expect(cache.peek("t", { now: 0 })).toBeUndefined();
    pending[0]!.reject(new Error("down"));
    await settle();
    expect(cache.peek("t", { now: 10 })).toBeUndefined();
    expect(load).toHaveBeenCalledTimes(1);
    expect(cache.peek("t", { now: 50 })).toBeUndefined();
    pending[1]!.resolve("v1");
    await settle();
    expect(cache.peek("t", { now: 60 })).toBe("v1");
    await cache.refresh("t", { now: 70 }); // within the interval of the last attempt: no load
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("drops values that match, including a load that lands after the call", async () => {
    const { load, pending } = gatedLoader();
    const cache = swrCache<string, string>({ load, ttlMs: 100 });
    const a = cache.get("a", { now: 0 });
    pending[0]!.resolve("revoked");
    await a;
    void cache.get("b", { now: 0 });
    cache.deleteWhere((v) => v === "revoked");
    pending[1]!.resolve("revoked");
    await settle();
    void cache.get("a", { now: 1 });
    void cache.get("b", { now: 1 });
    expect(load).toHaveBeenCalledTimes(4);
  });
});
