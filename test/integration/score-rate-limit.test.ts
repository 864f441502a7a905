import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { dynamoLease } from "@/lib/scoring/rate-limit/lease-window";
import { createTestTenant, type TestTenant } from "./fixtures";
import { txnId } from "./score-helpers";

const LIMIT = 3;
let tenant: TestTenant;

beforeAll(async () => {
  tenant = await createTestTenant({ label: "rate", settings: { rateLimitPerSecond: LIMIT } });
});
afterEach(() => vi.useRealTimers());
afterAll(() => tenant.dispose());

describe("rate limit per API key", () => {
  it("admits exactly the tenant's limit within one window, then answers 429 with the one error body and Retry-After", async () => {
    // Windows are wall-clock seconds: the clock stands still in the middle of one (timers stay real),
    // so every request lands in the same window however long the burst takes.
    vi.useFakeTimers({ toFake: ["Date"], now: Math.floor(Date.now() / 1000) * 1000 + 500 });
    const responses = await Promise.all(
      Array.from({ length: 12 }, () => tenant.score({ txn_id: txnId("rate"), amount: 12, device: "pos" })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12 - LIMIT);
    const limited = responses.find((r) => r.status === 429);
    expect(limited?.headers.get("retry-after")).toBe("1");
    expect(limited?.body).toEqual({
      error: {
        code: "rate_limited",
        message: expect.stringContaining(`${LIMIT} requests per second`) as string,
        details: { limitPerSecond: LIMIT, retryAfterSeconds: 1 },
      },
    });

    // The next window admits again.
    vi.setSystemTime(Date.now() + 1000);
    expect((await tenant.score({ txn_id: txnId("rate-next"), amount: 12, device: "pos" })).status).toBe(200);
  });

  it("leases from one DynamoDB counter per key and window, never past the limit", async () => {
    const lease = dynamoLease();
    const window = Math.floor(Date.now() / 1000) + 3600; // a window of its own
    const input = { tenantId: tenant.tenantId, keyId: "lease-it", window, want: 4, limit: 10 };
    expect(await lease({ ...input, isFirstOfWindow: true })).toBe(4);
    expect(await lease({ ...input, isFirstOfWindow: true })).toBe(4); // a second instance's first lease
    expect(await lease({ ...input, isFirstOfWindow: false })).toBe(2);
    expect(await lease({ ...input, isFirstOfWindow: false })).toBe(0);
    expect(await lease({ ...input, window: window + 1, isFirstOfWindow: false })).toBe(4);
  });
});
