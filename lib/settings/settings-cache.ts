import { swrCache } from "@/lib/cache/swr-cache";
import { getSettings } from "./get-settings";
import type { TenantSettings } from "./tenant-settings";

/**
 * Settings for the scoring hot path. A DynamoDB read per transaction would cost more than the
 * route's whole latency budget, so settings are kept for SETTINGS_TTL_MS: a change made on another
 * console instance takes effect within that time (on this one, at once).
 *
 * Stale-while-revalidate: once a tenant's settings were read, an expired entry is still served
 * while one background read refreshes it, so no scoring request waits for DynamoDB after the first.
 * A failed refresh keeps serving what we have; a failed first read is not remembered.
 */
export const SETTINGS_TTL_MS = 10_000;

const cache = swrCache<string, TenantSettings>({
  load: (tenantId) => getSettings({ tenantId }).then((s) => s.settings),
  ttlMs: SETTINGS_TTL_MS,
});

export function cachedSettings(
  input: { tenantId: string },
  call: { now?: number; read?: (tenantId: string) => Promise<TenantSettings> } = {},
): Promise<TenantSettings> {
  const { read } = call;
  return cache.get(input.tenantId, { now: call.now, load: read && (() => read(input.tenantId)) });
}

export function invalidateCachedSettings({ tenantId }: { tenantId: string }): void {
  cache.delete(tenantId);
}
