import { withRoute } from "@/lib/http/with-route";
import { AREA_ROLES } from "@/lib/auth/roles";
import { getModelsOverview } from "@/lib/models/get-models-overview";
import { versionParamSchema } from "@/lib/models/version-param";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One version of the tenant's group, as GET /api/models shows it; 404 when it is not registered. */
export const GET = withRoute<{ version: string }>(
  async ({ tenantId, params }) => {
    const overview = await getModelsOverview({ tenantId, version: versionParamSchema.parse(params.version) });
    return Response.json({ productionVersion: overview.productionVersion, gates: overview.gates, version: overview.versions[0] });
  },
  { roles: AREA_ROLES.models },
);
