import "server-only";
import { getSettings } from "./get-settings";
import type { TenantSettings } from "./tenant-settings";

/**
 * Settings for the scoring hot path. A DynamoDB read per transaction would cost more than the
 * route's whole latency budget, so settings are kept for SETTINGS_TTL_MS: a change made on another
 * console instance takes effect within that time (on this one, at once).
 */
export const SETTINGS_TTL_MS = 10_000;

const cache = new Map<string, { settings: Promise<TenantSettings>; expiresAt: number }>();

export function cachedSettings(tenantId: string, now: number = Date.now()): Promise<TenantSettings> {
  const hit = cache.get(tenantId);
  if (hit && hit.expiresAt > now) return hit.settings;
  const settings = getSettings(tenantId).then((s) => s.settings);
  const entry = { settings, expiresAt: now + SETTINGS_TTL_MS };
  cache.set(tenantId, entry);
  // A failed read must not be served for the whole TTL.
  settings.catch(() => {
    if (cache.get(tenantId) === entry) cache.delete(tenantId);
  });
  return settings;
}

export function invalidateCachedSettings(tenantId: string): void {
  cache.delete(tenantId);
}
