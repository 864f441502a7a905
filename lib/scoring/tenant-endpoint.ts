import { swrCache } from "@/lib/cache/swr-cache";
import { AppError } from "@/lib/errors/app-error";
import { getTenant } from "@/lib/tenants/get-tenant";

/**
 * The tenant's SageMaker endpoint, cached: it changes only when the tenant is re-provisioned
 * (variants and weights change behind the same endpoint name). Past the TTL the known name is
 * still served while one background look-up refreshes it, so no scoring request waits for it.
 * A tenant that is gone, or a failed read, drops the name: the next request asks again, waiting.
 */
const TTL_MS = 60_000;

const cache = swrCache<string, string>({ load: lookUp, ttlMs: TTL_MS, onRefreshError: "evict" });

export function tenantEndpoint(input: { tenantId: string; now?: number }): Promise<string> {
  return cache.get(input.tenantId, { now: input.now });
}

async function lookUp(tenantId: string): Promise<string> {
  const tenant = await getTenant({ tenantId });
  // A key whose tenant is gone is as good as no key.
  if (!tenant) throw new AppError("unauthorized", "The API key's tenant no longer exists");
  return tenant.endpointName;
}
