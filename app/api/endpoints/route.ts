import { withRoute } from "@/lib/http/with-route";
import { AREA_ROLES } from "@/lib/auth/roles";
import { getEndpointOverview } from "@/lib/deployments/get-endpoint-overview";

/** The tenant's endpoint: status, variants, traffic shares. `found: false` when it does not exist. */
export const GET = withRoute(async ({ tenantId }) => Response.json(await getEndpointOverview({ tenantId })), {
  roles: AREA_ROLES.endpoints,
});
