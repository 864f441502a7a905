import { listTenants } from "@/lib/tenants/list-tenants";
import { redriveStaleExplanations, type RedriveDeps, type RedriveOutcome } from "./redrive-explanations";

/**
 * The scheduled job that takes up explanations nobody owns any more (redrive-explanations.ts), for
 * every tenant: the handler of the local functions host's schedule (infra/local/functions/registry.ts)
 * and of the CDK app's EventBridge rule. The event (an EventBridge "Scheduled Event") carries nothing
 * it needs.
 */
export async function redriveAllTenants(deps: RedriveDeps = {}): Promise<Record<string, Record<RedriveOutcome, number>>> {
  const results: Record<string, Record<RedriveOutcome, number>> = {};
  for (const tenant of await listTenants(deps))
    results[tenant.tenantId] = await redriveStaleExplanations({ tenantId: tenant.tenantId }, deps);
  return results;
}

export const handler = (_event?: unknown) => redriveAllTenants();
