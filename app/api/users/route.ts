import { withRoute } from "@/lib/http/with-route";
import { AREA_ROLES } from "@/lib/auth/roles";
import { listUsers } from "@/lib/users/list-users";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/users: the tenant's users (e-mail, name, role, enabled; never a password hash). Admins only. */
export const GET = withRoute(async ({ tenantId }) => Response.json({ users: await listUsers({ tenantId }) }), {
  roles: AREA_ROLES.settings,
});
