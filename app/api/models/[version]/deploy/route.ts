import { AREA_ROLES } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withRoute } from "@/lib/http/with-route";
import { getTenant } from "@/lib/tenants/get-tenant";
import { deployCandidate } from "@/lib/promotion/deploy-candidate";
import { deployRequestSchema, modelVersionParam } from "@/lib/promotion/promotion-requests";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/models/{version}/deploy {endpoint, mode: "shadow" | "canary", weight?}: 409 unless approved (audited). */
export const POST = withRoute<{ version: string }>(
  async ({ req, tenantId, session, params }) => {
    const version = modelVersionParam.parse(params.version);
    const body = await readJsonBody(req, deployRequestSchema);
    const tenant = await getTenant({ tenantId });
    if (!tenant || tenant.endpointName !== body.endpoint) throw new AppError("not_found", "Endpoint not found");
    const deployment = await deployCandidate({
      tenantId,
      version,
      mode: body.mode,
      weight: body.weight,
      actor: session.id,
      reason: body.reason,
    });
    return Response.json({ deployment }, { status: 200 });
  },
  { roles: AREA_ROLES.models },
);
