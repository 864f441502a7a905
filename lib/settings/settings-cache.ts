import { getSettings } from "./get-settings";
import type { TenantSettings } from "./tenant-settings";

/**
 * Settings for the scoring hot path. A DynamoDB read per transaction would cost more than the
 * route's whole latency budget, so settings are kept for SETTINGS_TTL_MS: a change made on another
 * console instance takes effect within that time (on this one, at once).
 *
 * Stale-while-revalidate: once a tenant's settings were read, an expired entry is still served
 * while one background read refreshes it, so no scoring request waits for DynamoDB after the first
 * (the request that found the entry stale used to wait a round trip every 10 s).
 */
export const SETTINGS_TTL_MS = 10_000;

interface Entry {
  settings: Promise<TenantSettings>;
  expiresAt: number;
  isRefreshing: boolean;
}

const cache = new Map<string, Entry>();

export function cachedSettings(
  tenantId: string,
  now: number = Date.now(),
  read: (tenantId: string) => Promise<TenantSettings> = readSettings,
): Promise<TenantSettings> {
  const hit = cache.get(tenantId);
  if (!hit) return load(tenantId, now, read).settings;
  if (hit.expiresAt <= now && !hit.isRefreshing) refresh(tenantId, hit, now, read);
  return hit.settings;
}

function load(tenantId: string, now: number, read: (tenantId: string) => Promise<TenantSettings>): Entry {
  const entry: Entry = { settings: read(tenantId), expiresAt: now + SETTINGS_TTL_MS, isRefreshing: false };
  cache.set(tenantId, entry);
  // A failed first read must not be served for the whole TTL.
  entry.settings.catch(() => {
    if (cache.get(tenantId) === entry) cache.delete(tenantId);
  });
  return entry;
}

function refresh(tenantId: string, entry: Entry, now: number, read: (tenantId: string) => Promise<TenantSettings>): void {
  entry.isRefreshing = true;
  read(tenantId).then(
    (settings) => {
      if (cache.get(tenantId) !== entry) return;
      entry.settings = Promise.resolve(settings);
      entry.expiresAt = now + SETTINGS_TTL_MS;
      entry.isRefreshing = false;
    },
    // Keep serving what we have; the next request past the TTL tries again.
    () => {
      entry.isRefreshing = false;
    },
  );
}

function readSettings(tenantId: string): Promise<TenantSettings> {
  return getSettings(tenantId).then((s) => s.settings);
}

export function invalidateCachedSettings(tenantId: string): void {
  cache.delete(tenantId);
}
