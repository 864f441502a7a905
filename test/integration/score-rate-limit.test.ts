import { beforeAll, describe, expect, it } from "vitest";
import { POST as score } from "@/app/api/score/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { dynamoLease } from "@/lib/scoring/rate-limit/lease-window";
import { saveSettings } from "@/lib/settings/save-settings";
import { DEFAULT_TENANT_SETTINGS } from "@/lib/settings/tenant-settings";
import { createTenant } from "@/lib/tenants/create-tenant";
import { scoreRequest, txnId } from "./score-helpers";

const tenantId = `it-rate-${Date.now().toString(36)}`;
const LIMIT = 3;
let apiKey = "";

beforeAll(async () => {
  await createTenant({
    tenantId,
    name: "Rate limit IT",
    endpointName: "fraud-acme-bank",
    modelPackageGroupName: "acme-bank-fraud",
    createdAt: new Date().toISOString(),
  });
  await saveSettings({ tenantId, settings: { ...DEFAULT_TENANT_SETTINGS, rateLimitPerSecond: LIMIT }, expectedVersion: 0, actor: "it" });
  apiKey = (await createApiKey({ tenantId, name: "it", createdBy: "it" })).plaintext;
});

describe("rate limit per API key", () => {
  it("answers 429 with the one error body and Retry-After beyond the tenant's limit", async () => {
    // Twelve at once land in at most two one-second windows: at most 2 × LIMIT pass.
    const responses = await Promise.all(
      Array.from({ length: 12 }, () => score(scoreRequest("/api/score", { txn_id: txnId("rate"), amount: 12, device: "pos" }, apiKey))),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(2 * LIMIT);
    const limited = responses.find((r) => r.status === 429);
    expect(limited?.headers.get("retry-after")).toBe("1");
    expect(await limited?.json()).toEqual({
      error: {
        code: "rate_limited",
        message: expect.stringContaining(`${LIMIT} requests per second`) as string,
        details: { limitPerSecond: LIMIT, retryAfterSeconds: 1 },
      },
    });
  });

  it("leases from one DynamoDB counter per key and window, never past the limit", async () => {
    const lease = dynamoLease();
    const window = Math.floor(Date.now() / 1000) + 3600; // a window of its own
    const input = { tenantId, keyId: "lease-it", window, want: 4, limit: 10 };
    expect(await lease({ ...input, isFirstOfWindow: true })).toBe(4);
    expect(await lease({ ...input, isFirstOfWindow: true })).toBe(4); // a second instance's first lease
    expect(await lease({ ...input, isFirstOfWindow: false })).toBe(2);
    expect(await lease({ ...input, isFirstOfWindow: false })).toBe(0);
    expect(await lease({ ...input, window: window + 1, isFirstOfWindow: false })).toBe(4);
  });
});
