import { swrCache } from "@/lib/cache/swr-cache";
import { hashApiKey, type ApiKeyRecord } from "./api-key";
import { findApiKey } from "./find-api-key";

/**
 * Key look-ups for the scoring hot path, cached per instance by the key's hash. Positive entries
 * live API_KEY_CACHE_TTL_MS, which bounds how long a revoked key keeps working on other instances
 * (the issue allows a minute); unknown keys are remembered briefly so a caller hammering with a bad
 * key costs no DynamoDB reads, yet a new key works within seconds.
 *
 * A known key past its TTL is served once more while a background look-up refreshes it (no request
 * waits for DynamoDB every 30 s), but never beyond STALE_LIMIT_MS after it was looked up: a
 * revocation still takes effect within a minute even when refreshes fail.
 */
export const API_KEY_CACHE_TTL_MS = 30_000;
export const UNKNOWN_KEY_TTL_MS = 5_000;
export const STALE_LIMIT_MS = 60_000;

const isActive = (record: ApiKeyRecord | null): record is ApiKeyRecord => record !== null && !record.revokedAt;

const cache = swrCache<string, ApiKeyRecord | null>({
  ttlMs: (record) => (isActive(record) ? API_KEY_CACHE_TTL_MS : UNKNOWN_KEY_TTL_MS),
  maxStaleMs: STALE_LIMIT_MS,
  isServableStale: isActive,
  // Crude bound: a flood of distinct bad keys must not grow memory without limit.
  maxEntries: 10_000,
});

export type FindApiKey = (plaintext: string) => Promise<ApiKeyRecord | null>;

/** The active record for a presented key, or null when unknown or revoked. */
export async function lookUpApiKey(
  plaintext: string,
  find: FindApiKey = findApiKey,
  now: number = Date.now(),
): Promise<ApiKeyRecord | null> {
  const record = await cache.get(hashApiKey(plaintext), { now, load: () => find(plaintext) });
  return isActive(record) ? record : null;
}

/** Drops a key from this instance's cache (after revocation). */
export function forgetCachedApiKey(keyId: string): void {
  cache.deleteWhere((record) => record?.keyId === keyId);
}

export function clearApiKeyCache(): void {
  cache.clear();
}
