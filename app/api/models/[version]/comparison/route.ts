import { AREA_ROLES } from "@/lib/auth/roles";
import { withRoute } from "@/lib/http/with-route";
import { comparisonQuerySchema, modelVersionParam } from "@/lib/promotion/promotion-requests";
import { getShadowComparison } from "@/lib/promotion/shadow-window";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/models/{version}/comparison?from&to: the shadow against production over its window. */
export const GET = withRoute<{ version: string }>(
  async ({ req, tenantId, params }) => {
    const version = modelVersionParam.parse(params.version);
    const url = new URL(req.url);
    const query = comparisonQuerySchema.parse({
      from: url.searchParams.get("from") ?? undefined,
      to: url.searchParams.get("to") ?? undefined,
    });
    return Response.json(await getShadowComparison({ tenantId, version, ...query }));
  },
  { roles: AREA_ROLES.models },
);
