import { AppError } from "@/lib/errors/app-error";
import type { StoreDeps } from "@/lib/db/store";
import { getTenant } from "@/lib/tenants/get-tenant";
import type { DriftOverview } from "./drift-run";
import { getDriftRun, listDriftRuns } from "./drift-store";

/**
 * GET /api/drift: the endpoint's latest run in full and its history (summaries, newest first).
 * The endpoint defaults to the tenant's; another name is not the tenant's, so it is not found.
 */
export async function getDriftOverview(
  input: { tenantId: string; endpointName?: string; limit: number },
  deps: StoreDeps = {},
): Promise<DriftOverview> {
  const tenant = await getTenant({ tenantId: input.tenantId }, deps);
  const endpoint = input.endpointName ?? tenant?.endpointName;
  if (!tenant || !endpoint || endpoint !== tenant.endpointName)
    throw new AppError("not_found", `No endpoint ${input.endpointName ?? ""}`.trim());
  const runs = await listDriftRuns({ tenantId: input.tenantId, endpointName: endpoint, limit: input.limit }, deps);
  const latest = runs[0] ? await getDriftRun({ tenantId: input.tenantId, runId: runs[0].id }, deps) : null;
  return { endpoint, latest, runs };
}
