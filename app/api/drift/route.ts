import { withRoute } from "@/lib/http/with-route";
import { AREA_ROLES } from "@/lib/auth/roles";
import { driftOverviewQuerySchema } from "@/lib/drift/drift-request";
import { getDriftOverview } from "@/lib/drift/get-drift-overview";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/drift?endpoint=&limit=: the latest drift run in full and the run history, newest first. */
export const GET = withRoute(
  async ({ req, tenantId }) => {
    const { endpoint, limit } = driftOverviewQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    const overview = await getDriftOverview({ tenantId, endpointName: endpoint, limit });
    return Response.json(overview, { headers: { "cache-control": "no-store" } });
  },
  { roles: AREA_ROLES.drift },
);
