import { AREA_ROLES } from "@/lib/auth/roles";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withRoute } from "@/lib/http/with-route";
import { getMaskedWebhooks, saveWebhookSettings, saveWebhooksRequestSchema } from "@/lib/notifications/webhook-settings";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/settings/notifications: the tenant's Slack and Teams webhooks, masked. */
export const GET = withRoute(async ({ tenantId }) => Response.json(await getMaskedWebhooks({ tenantId })), { roles: AREA_ROLES.settings });

/** PUT /api/settings/notifications {slackWebhookUrl?, teamsWebhookUrl?, reason?}: null removes one. Audited (masked). */
export const PUT = withRoute(
  async ({ req, tenantId, session }) => {
    const change = await readJsonBody(req, saveWebhooksRequestSchema, { maxBytes: 8192 });
    return Response.json(await saveWebhookSettings({ tenantId, actor: session.id, change }));
  },
  { roles: AREA_ROLES.settings },
);
