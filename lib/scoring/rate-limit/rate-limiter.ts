/**
 * Rate limits per API key over one-second windows, shared by every console instance without a
 * DynamoDB write per request: each instance *leases* capacity from the key's window counter in
 * DynamoDB (lease-window.ts) in chunks of about 1/20 of the limit, and spends its lease locally.
 *
 * - Never over the limit: the counter in DynamoDB grants at most `limit` per window in total.
 * - Under it by at most (instances − 1) × chunk per window: a lease an instance does not spend is
 *   lost when the window ends. With the default 2,000/s and chunks of 100 that is noise.
 * - Cost: at most limit / chunk = 20 writes per key per second at full rate, one per instance per
 *   window when idle-ish. The next chunk is leased in the background when a lease runs low, so
 *   only the first request of a window waits for DynamoDB (one round trip, p99 not p95).
 * - A request costs what it carries: one unit per transaction, so a batch of n rows costs n
 *   (`admit(key, limit, n)`); a lease grows to cover what the request needs beyond the chunk.
 * - Fail open: when DynamoDB cannot be reached, the instance grants itself a chunk and logs. A
 *   rate limiter must not take scoring down with it (DESIGN: model and store trouble degrade).
 */
export type LeaseCapacity = (input: {
  tenantId: string;
  keyId: string;
  window: number;
  want: number;
  limit: number;
  isFirstOfWindow: boolean;
}) => Promise<number>;

export type Admission = { isAllowed: true } | { isAllowed: false; retryAfterSeconds: number };

export interface RateLimiterOptions {
  lease: LeaseCapacity;
  now?: () => number;
  onLeaseError?: (error: unknown) => void;
}

interface Bucket {
  window: number;
  remaining: number;
  isExhausted: boolean;
  hasLeased: boolean;
  leasing: Promise<void> | null;
}

const ALLOWED: Admission = { isAllowed: true };
const MAX_BUCKETS = 100_000;

export function chunkFor(limit: number): number {
  return Math.max(1, Math.ceil(limit / 20));
}

export function createRateLimiter(options: RateLimiterOptions) {
  const { lease, now = Date.now, onLeaseError = () => undefined } = options;
  const buckets = new Map<string, Bucket>();

  function bucketFor(id: string, window: number): Bucket {
    let bucket = buckets.get(id);
    if (!bucket) {
      if (buckets.size >= MAX_BUCKETS) buckets.clear();
      bucket = { window, remaining: 0, isExhausted: false, hasLeased: false, leasing: null };
      buckets.set(id, bucket);
    } else if (bucket.window !== window) {
      Object.assign(bucket, { window, remaining: 0, isExhausted: false, hasLeased: false, leasing: null });
    }
    return bucket;
  }

  function startLease(bucket: Bucket, key: { tenantId: string; keyId: string }, limit: number, need = 1): Promise<void> {
    const window = bucket.window;
    const want = Math.min(limit, Math.max(chunkFor(limit), need));
    const isFirstOfWindow = !bucket.hasLeased;
    bucket.hasLeased = true;
    const leasing = lease({ ...key, window, want, limit, isFirstOfWindow })
      .then(
        (granted) => ({ granted, isExhausted: granted < want }),
        (error: unknown) => {
          onLeaseError(error);
          return { granted: want, isExhausted: false };
        },
      )
      .then(({ granted, isExhausted }) => {
        // A lease that returns after its window ended is worth nothing.
        if (bucket.window !== window) return;
        bucket.remaining += granted;
        bucket.isExhausted ||= isExhausted;
        if (bucket.leasing === leasing) bucket.leasing = null;
      });
    bucket.leasing = leasing;
    return leasing;
  }

  /** Admits `cost` units (transactions) at once, or none of them. A cost above the limit never fits a window. */
  async function admit(key: { tenantId: string; keyId: string }, limit: number, cost = 1): Promise<Admission> {
    if (cost > limit) return { isAllowed: false, retryAfterSeconds: 1 };
    for (;;) {
      const at = now();
      const window = Math.floor(at / 1000);
      const bucket = bucketFor(`${key.tenantId}\n${key.keyId}`, window);
      if (bucket.remaining >= cost) {
        bucket.remaining -= cost;
        // Lease ahead so that requests do not wait for DynamoDB mid-window.
        if (bucket.remaining <= chunkFor(limit) / 4 && !bucket.leasing && !bucket.isExhausted) void startLease(bucket, key, limit);
        return ALLOWED;
      }
      if (bucket.isExhausted) return { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil(((window + 1) * 1000 - at) / 1000)) };
      await (bucket.leasing ?? startLease(bucket, key, limit, cost - bucket.remaining));
    }
  }

  return { admit };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
