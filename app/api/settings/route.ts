import { readJsonBody } from "@/lib/http/read-json-body";
import { withRoute } from "@/lib/http/with-route";
import { AREA_ROLES } from "@/lib/auth/roles";
import { getSettings } from "@/lib/settings/get-settings";
import { saveSettings } from "@/lib/settings/save-settings";
import { saveSettingsRequestSchema } from "@/lib/settings/settings-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/settings: the tenant's scoring settings and their version. */
export const GET = withRoute(async ({ tenantId }) => Response.json(await getSettings({ tenantId })), { roles: AREA_ROLES.settings });

/** PUT /api/settings: replace them (optimistic concurrency on expectedVersion; audited). */
export const PUT = withRoute(
  async ({ req, tenantId, session }) => {
    const body = await readJsonBody(req, saveSettingsRequestSchema);
    const saved = await saveSettings({ tenantId, actor: session.id, ...body });
    return Response.json(saved, { status: 200 });
  },
  { roles: AREA_ROLES.settings },
);
