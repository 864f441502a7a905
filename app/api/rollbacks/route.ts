import { AREA_ROLES } from "@/lib/auth/roles";
import { listRollbacks, rollbackFiltersSchema } from "@/lib/deployments/list-rollbacks";
import { withRoute } from "@/lib/http/with-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/rollbacks?endpoint&trigger&outcome&from&to&limit&cursor → {items, nextCursor}, newest first. */
export const GET = withRoute(
  async ({ req, tenantId }) => {
    const filters = rollbackFiltersSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    return Response.json(await listRollbacks({ tenantId, ...filters }));
  },
  { roles: AREA_ROLES.rollbacks },
);
