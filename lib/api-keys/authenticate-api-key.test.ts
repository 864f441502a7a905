import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ApiKeyRecord } from "./api-key";
import { API_KEY_CACHE_TTL_MS, clearApiKeyCache, lookUpApiKey } from "./api-key-cache";
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
    await expect(lookUpApiKey("fc_live_x", find, API_KEY_CACHE_TTL_MS + 1)).resolves.toBeNull();
    expect(API_KEY_CACHE_TTL_MS).toBeLessThanOrEqual(60_000);
  });
});
