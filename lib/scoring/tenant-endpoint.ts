import "server-only";
import { AppError } from "@/lib/api/app-error";
import { getTenant } from "@/lib/tenants/get-tenant";

/**
 * The tenant's SageMaker endpoint, cached: it changes only when the tenant is re-provisioned
 * (variants and weights change behind the same endpoint name).
 */
const TTL_MS = 60_000;
const cache = new Map<string, { endpointName: Promise<string>; expiresAt: number }>();

export function tenantEndpoint(tenantId: string, now: number = Date.now()): Promise<string> {
  const hit = cache.get(tenantId);
  if (hit && hit.expiresAt > now) return hit.endpointName;
  const endpointName = getTenant(tenantId).then((tenant) => {
    // A key whose tenant is gone is as good as no key.
    if (!tenant) throw new AppError("unauthorized", "The API key's tenant no longer exists");
    return tenant.endpointName;
  });
  const entry = { endpointName, expiresAt: now + TTL_MS };
  cache.set(tenantId, entry);
  endpointName.catch(() => {
    if (cache.get(tenantId) === entry) cache.delete(tenantId);
  });
  return endpointName;
}
