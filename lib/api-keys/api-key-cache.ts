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
const MAX_ENTRIES = 10_000;

interface Entry {
  record: Promise<ApiKeyRecord | null>;
  expiresAt: number;
  fetchedAt: number;
  isRefreshing: boolean;
  /** Set once the look-up answered with an active key: what may be served stale. */
  active?: ApiKeyRecord;
}

const cache = new Map<string, Entry>();

export type FindApiKey = (plaintext: string) => Promise<ApiKeyRecord | null>;

/** The active record for a presented key, or null when unknown or revoked. */
export async function lookUpApiKey(
  plaintext: string,
  find: FindApiKey = findApiKey,
  now: number = Date.now(),
): Promise<ApiKeyRecord | null> {
  const hash = hashApiKey(plaintext);
  const hit = cache.get(hash);
  if (hit && hit.expiresAt <= now && hit.active && now - hit.fetchedAt < STALE_LIMIT_MS) {
    if (!hit.isRefreshing) refresh(hash, hit, find(plaintext), now);
    return hit.active;
  }
  const entry = hit && hit.expiresAt > now ? hit : remember(hash, find(plaintext), now);
  const record = await entry.record;
  return record && !record.revokedAt ? record : null;
}

function remember(hash: string, record: Promise<ApiKeyRecord | null>, now: number): Entry {
  // Crude bound: a flood of distinct bad keys must not grow memory without limit.
  if (cache.size >= MAX_ENTRIES) cache.clear();
  const entry: Entry = { record, expiresAt: now + API_KEY_CACHE_TTL_MS, fetchedAt: now, isRefreshing: false };
  cache.set(hash, entry);
  record.then(
    (r) => {
      if (!r || r.revokedAt) entry.expiresAt = now + UNKNOWN_KEY_TTL_MS;
      else entry.active = r;
    },
    () => {
      if (cache.get(hash) === entry) cache.delete(hash);
    },
  );
  return entry;
}

function refresh(hash: string, stale: Entry, record: Promise<ApiKeyRecord | null>, now: number): void {
  stale.isRefreshing = true;
  record.then(
    () => {
      if (cache.get(hash) === stale) remember(hash, record, now);
    },
    // Keep the stale entry (within STALE_LIMIT_MS); the next request tries again.
    () => {
      stale.isRefreshing = false;
    },
  );
}

/** Drops a key from this instance's cache (after revocation). */
export function forgetCachedApiKey(keyId: string): void {
  for (const [hash, entry] of cache) {
    void entry.record.then(
      (r) => {
        if (r?.keyId === keyId && cache.get(hash) === entry) cache.delete(hash);
      },
      () => undefined,
    );
  }
}

export function clearApiKeyCache(): void {
  cache.clear();
}
