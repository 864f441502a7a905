import { AREA_ROLES } from "@/lib/auth/roles";
import { getRollbackEvent, rollbackIdSchema } from "@/lib/deployments/rollback-event";
import { AppError } from "@/lib/errors/app-error";
import { withRoute } from "@/lib/http/with-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/rollbacks/{id}: one event of the tenant's (404 for anyone else's). */
export const GET = withRoute<{ id: string }>(
  async ({ tenantId, params }) => {
    const event = await getRollbackEvent({ tenantId, id: rollbackIdSchema.parse(params.id) });
    if (!event) throw new AppError("not_found", "Rollback not found");
    return Response.json({ event });
  },
  { roles: AREA_ROLES.rollbacks },
);
