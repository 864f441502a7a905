import { withRoute } from "@/lib/http/with-route";
import { AREA_ROLES } from "@/lib/auth/roles";
import { getModelsOverview } from "@/lib/models/get-models-overview";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The promotion screen's data: the tenant's versions newest first, each with its evaluation, approval
 * (who, when, comment), where it is deployed and the actions with why each is enabled or blocked.
 */
export const GET = withRoute(async ({ tenantId }) => Response.json(await getModelsOverview({ tenantId })), {
  roles: AREA_ROLES.models,
});
