import { withRoute } from "@/lib/http/with-route";
import { AREA_ROLES } from "@/lib/auth/roles";
import { listModelVersions } from "@/lib/models/list-model-versions";

/** Versions of the tenant's model package group, newest first. */
export const GET = withRoute(async ({ tenantId }) => Response.json({ versions: await listModelVersions({ tenantId }) }), {
  roles: AREA_ROLES.models,
});
