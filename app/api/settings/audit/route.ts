import { withRoute } from "@/lib/http/with-route";
import { auditFiltersSchema } from "@/lib/audit/audit-entry";
import { listAudit } from "@/lib/audit/list-audit";
import { AREA_ROLES } from "@/lib/auth/roles";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/settings/audit?action=&actor=&from=&to=&limit=&cursor= : the tenant's audit log, newest first. */
export const GET = withRoute(
  async ({ req, tenantId }) => {
    const filters = auditFiltersSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    return Response.json(await listAudit({ tenantId, ...filters }));
  },
  { roles: AREA_ROLES.audit },
);
