import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { POST as scoreBatch } from "@/app/api/score/batch/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { documentClient } from "@/lib/aws/clients";
import { rateWindowPk, RATE_WINDOW_SK } from "@/lib/db/keys";
import { env } from "@/lib/env";
import { enforceRateLimit } from "@/lib/scoring/rate-limit/enforce-rate-limit";
import { dynamoLease } from "@/lib/scoring/rate-limit/lease-window";
import { createRateLimiter } from "@/lib/scoring/rate-limit/rate-limiter";
import { createTestTenant, type TestTenant } from "./fixtures";
import { scoreRequest, txnId } from "./score-helpers";

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

describe("a batch costs one unit per transaction", () => {
  const rows = (n: number) => Array.from({ length: n }, () => ({ txn_id: txnId("batch"), amount: 12, device: "pos" }));

  it("a batch of 1,000 rows consumes 1,000 units of the key's DynamoDB window", async () => {
    // A clock of its own keeps both charges in one window whatever the wall clock does.
    const window = Math.floor(Date.now() / 1000) + 7200;
    const rateLimiter = createRateLimiter({ lease: dynamoLease(), now: () => window * 1000 + 10 });
    const key = { tenantId: tenant.tenantId, keyId: "batch-units-it" };
    // What withApiKey and the batch route do: one unit on arrival, the other 999 once the body is read.
    await enforceRateLimit(key, 1000, { rateLimiter });
    await enforceRateLimit(key, 1000, { units: 999, requestTotal: 1000, rateLimiter });
    const { Item } = await documentClient().send(
      new GetCommand({
        TableName: env().TABLE_NAME,
        Key: { PK: rateWindowPk(tenant.tenantId, key.keyId), SK: RATE_WINDOW_SK },
        ConsistentRead: true,
      }),
    );
    expect(Item).toMatchObject({ win: window, used: 1000 });
    await expect(enforceRateLimit(key, 1000, { rateLimiter })).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("answers 413 for a batch with more rows than the key may score per second", async () => {
    // A key of its own: the arrival unit must not meet a window the other tests spent.
    const batchKey = (await createApiKey({ tenantId: tenant.tenantId, name: "batch-it", createdBy: "it" })).plaintext;
    const response = await scoreBatch(scoreRequest("/api/score/batch", { transactions: rows(LIMIT + 1) }, batchKey));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: {
        code: "payload_too_large",
        message: `${LIMIT + 1} transactions exceed this API key's limit of ${LIMIT} per second; send smaller batches`,
        details: { limitPerSecond: LIMIT, transactions: LIMIT + 1 },
      },
    });
  });
});
