import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ApiKeyRecord } from "./api-key";
import { API_KEY_CACHE_TTL_MS, clearApiKeyCache, lookUpApiKey, STALE_LIMIT_MS } from "./api-key-cache";
import { authenticateApiKey } from "./authenticate-api-key";

const record: ApiKeyRecord = {
  keyId: "k1",
  tenantId: "acme-bank",
  name: "App",
  displayPrefix: "fc_live_abcd",
  createdAt: "2026-01-01T00:00:00.000Z",
  createdBy: "admin@acme-bank.test",
};

beforeEach(() => clearApiKeyCache());

describe("authenticateApiKey", () => {
  it.each([
    ["no header", null],
    ["another scheme", "Basic Zm9vOmJhcg=="],
    ["an empty bearer", "Bearer "],
  ])("answers 401 for %s without a look-up", async (_name, header) => {
    const find = vi.fn();
    await expect(authenticateApiKey(header, find)).rejects.toMatchObject({ code: "unauthorized" });
    expect(find).not.toHaveBeenCalled();
  });
  it("answers 401 for an unknown or revoked key", async () => {
    await expect(authenticateApiKey("Bearer fc_live_nope", () => Promise.resolve(null))).rejects.toMatchObject({ code: "unauthorized" });
    const revoked = { ...record, revokedAt: "2026-01-02T00:00:00.000Z" };
    await expect(authenticateApiKey("Bearer fc_live_old", () => Promise.resolve(revoked))).rejects.toMatchObject({ code: "unauthorized" });
  });
  it("returns the record of a valid key", async () => {
    await expect(authenticateApiKey("bearer fc_live_good", () => Promise.resolve(record))).resolves.toEqual(record);
  });
});

describe("lookUpApiKey cache", () => {
  it("looks a key up once per TTL and sees a revocation after it", async () => {
    const find = vi.fn().mockResolvedValue(record);
    await lookUpApiKey("fc_live_x", find, 0);
    await lookUpApiKey("fc_live_x", find, API_KEY_CACHE_TTL_MS - 1);
    expect(find).toHaveBeenCalledTimes(1);
    find.mockResolvedValue({ ...record, revokedAt: "now" });
    // Past the TTL the known key is served once more while a look-up refreshes it in the background...
    await expect(lookUpApiKey("fc_live_x", find, API_KEY_CACHE_TTL_MS + 1)).resolves.toEqual(record);
    expect(find).toHaveBeenCalledTimes(2);
    // ...and the next request sees the revocation.
    await expect(lookUpApiKey("fc_live_x", find, API_KEY_CACHE_TTL_MS + 2)).resolves.toBeNull();
  });

  it("never serves a key stale beyond a minute after its look-up, even when refreshes fail", async () => {
    const find = vi.fn().mockResolvedValue(record);
    await lookUpApiKey("fc_live_y", find, 0);
    find.mockRejectedValue(new Error("dynamodb down"));
    await expect(lookUpApiKey("fc_live_y", find, API_KEY_CACHE_TTL_MS + 1)).resolves.toEqual(record);
    await expect(lookUpApiKey("fc_live_y", find, STALE_LIMIT_MS)).rejects.toThrow("dynamodb down");
    expect(STALE_LIMIT_MS).toBeLessThanOrEqual(60_000);
  });
});
