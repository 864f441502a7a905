import { AREA_ROLES } from "@/lib/auth/roles";
import { getEndpointDetail } from "@/lib/deployments/get-endpoint-detail";
import { endpointNameSchema } from "@/lib/deployments/requests";
import { withRoute } from "@/lib/http/with-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/endpoints/{name}: live status and variants, the deployment (version for weight edits), the rollback preview. */
export const GET = withRoute<{ name: string }>(
  async ({ tenantId, params }) => Response.json(await getEndpointDetail({ tenantId, endpointName: endpointNameSchema.parse(params.name) })),
  { roles: AREA_ROLES.endpoints },
);
