import { AppError } from "@/lib/errors/app-error";
import { getTenant } from "@/lib/tenants/get-tenant";

/**
 * The tenant's SageMaker endpoint, cached: it changes only when the tenant is re-provisioned
 * (variants and weights change behind the same endpoint name). Past the TTL the known name is
 * still served while one background look-up refreshes it, so no scoring request waits for it.
 */
const TTL_MS = 60_000;
const cache = new Map<string, { endpointName: Promise<string>; expiresAt: number; isRefreshing: boolean }>();

export function tenantEndpoint(tenantId: string, now: number = Date.now()): Promise<string> {
  const hit = cache.get(tenantId);
  if (hit) {
    if (hit.expiresAt <= now && !hit.isRefreshing) {
      hit.isRefreshing = true;
      lookUp(tenantId).then(
        (name) => Object.assign(hit, { endpointName: Promise.resolve(name), expiresAt: Date.now() + TTL_MS, isRefreshing: false }),
        // A tenant that is gone, or a failed read: ask again, blocking, on the next request.
        () => cache.get(tenantId) === hit && cache.delete(tenantId),
      );
    }
    return hit.endpointName;
  }
  const entry = { endpointName: lookUp(tenantId), expiresAt: now + TTL_MS, isRefreshing: false };
  cache.set(tenantId, entry);
  entry.endpointName.catch(() => {
    if (cache.get(tenantId) === entry) cache.delete(tenantId);
  });
  return entry.endpointName;
}

async function lookUp(tenantId: string): Promise<string> {
  const tenant = await getTenant(tenantId);
  // A key whose tenant is gone is as good as no key.
  if (!tenant) throw new AppError("unauthorized", "The API key's tenant no longer exists");
  return tenant.endpointName;
}
