import { AREA_ROLES } from "@/lib/auth/roles";
import { getEndpointDetail } from "@/lib/deployments/get-endpoint-detail";
import { endpointNameSchema, setWeightsRequestSchema } from "@/lib/deployments/requests";
import { setWeights } from "@/lib/deployments/set-weights";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withRoute } from "@/lib/http/with-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * PUT /api/endpoints/{name}/weights {weights, reason, expectedVersion}: UpdateEndpointWeightsAndCapacities.
 * 409 (naming who changed it and when) when the deployment moved on since expectedVersion. Audited.
 */
export const PUT = withRoute<{ name: string }>(
  async ({ req, tenantId, session, params }) => {
    const endpointName = endpointNameSchema.parse(params.name);
    const body = await readJsonBody(req, setWeightsRequestSchema, { maxBytes: 8192 });
    await setWeights({ tenantId, endpointName, actor: session.id, ...body });
    return Response.json(await getEndpointDetail({ tenantId, endpointName }), { status: 200 });
  },
  { roles: AREA_ROLES.endpoints },
);
