import { describe, expect, it, vi } from "vitest";
import { chunkFor, createRateLimiter, type LeaseCapacity } from "./rate-limiter";

/** A shared window counter as DynamoDB keeps it, for several limiters (instances) at once. */
function sharedCounter() {
  const used = new Map<string, number>();
  const grantedTotal = new Map<string, number>();
  const lease = vi.fn<LeaseCapacity>(({ keyId, window, want, limit }) => {
    const id = `${keyId}@${window}`;
    const before = used.get(id) ?? 0;
    const granted = Math.max(0, Math.min(want, limit - before));
    used.set(id, before + want);
    grantedTotal.set(id, (grantedTotal.get(id) ?? 0) + granted);
    return Promise.resolve(granted);
  });
  return { lease, granted: grantedTotal };
}

const key = { tenantId: "t1", keyId: "k1" };

async function admitMany(limiter: ReturnType<typeof createRateLimiter>, n: number, limit: number) {
  const results = [];
  for (let i = 0; i < n; i++) results.push(await limiter.admit(key, limit));
  return results;
}

describe("createRateLimiter", () => {
  it("admits exactly the limit in a window, then refuses until the next second", async () => {
    let now = 5_000;
    const limiter = createRateLimiter({ lease: sharedCounter().lease, now: () => now });
    const results = await admitMany(limiter, 25, 20);
    expect(results.filter((r) => r.isAllowed)).toHaveLength(20);
    expect(results[20]).toEqual({ isAllowed: false, retryAfterSeconds: 1 });
    now = 6_000;
    expect(await limiter.admit(key, 20)).toEqual({ isAllowed: true });
  });

  it("leases in chunks, not per request", async () => {
    const { lease } = sharedCounter();
    const limiter = createRateLimiter({ lease, now: () => 1_000 });
    await admitMany(limiter, 1000, 2000);
    expect(chunkFor(2000)).toBe(100);
    // 1,000 requests, chunks of 100, one lease ahead of need.
    expect(vi.mocked(lease).mock.calls.length).toBeLessThanOrEqual(11);
  });

  it("never admits more than the limit across instances sharing the counter", async () => {
    const { lease } = sharedCounter();
    const instances = [1, 2, 3].map(() => createRateLimiter({ lease, now: () => 9_000 }));
    const results = await Promise.all(instances.map((limiter) => admitMany(limiter, 50, 40)));
    const allowed = results.flat().filter((r) => r.isAllowed).length;
    expect(allowed).toBeLessThanOrEqual(40);
    // Under-admission is bounded by the chunks the other instances hold unspent.
    expect(allowed).toBeGreaterThanOrEqual(40 - 2 * chunkFor(40));
  });

  it("keeps separate windows per key", async () => {
    const limiter = createRateLimiter({ lease: sharedCounter().lease, now: () => 1_000 });
    await admitMany(limiter, 3, 3);
    expect(await limiter.admit(key, 3)).toMatchObject({ isAllowed: false });
    expect(await limiter.admit({ tenantId: "t1", keyId: "k2" }, 3)).toEqual({ isAllowed: true });
  });

  it("charges a batch one unit per transaction: 1,000 rows use 1,000 of the window", async () => {
    const { lease, granted } = sharedCounter();
    const limiter = createRateLimiter({ lease, now: () => 2_000 });
    expect(await limiter.admit(key, 1000, 1000)).toEqual({ isAllowed: true });
    expect(granted.get("k1@2")).toBe(1000);
    expect(await limiter.admit(key, 1000)).toEqual({ isAllowed: false, retryAfterSeconds: 1 });
  });

  it("refuses a batch that no longer fits the window but still serves single requests from what is left", async () => {
    const { lease } = sharedCounter();
    const limiter = createRateLimiter({ lease, now: () => 3_000 });
    expect(await limiter.admit(key, 100, 60)).toEqual({ isAllowed: true });
    expect(await limiter.admit(key, 100, 60)).toMatchObject({ isAllowed: false });
    const singles = await admitMany(limiter, 45, 100);
    expect(singles.filter((r) => r.isAllowed)).toHaveLength(40);
  });

  it("never admits a cost above the limit", async () => {
    const { lease } = sharedCounter();
    const limiter = createRateLimiter({ lease, now: () => 4_000 });
    expect(await limiter.admit(key, 10, 11)).toMatchObject({ isAllowed: false });
    expect(lease).not.toHaveBeenCalled();
  });

  it("fails open when the counter cannot be reached, and reports the error", async () => {
    const onLeaseError = vi.fn();
    const limiter = createRateLimiter({ lease: () => Promise.reject(new Error("dynamodb down")), now: () => 1_000, onLeaseError });
    expect(await limiter.admit(key, 10)).toEqual({ isAllowed: true });
    expect(onLeaseError).toHaveBeenCalledWith(expect.objectContaining({ message: "dynamodb down" }));
  });
});
