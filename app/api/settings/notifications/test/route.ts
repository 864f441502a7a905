import { AREA_ROLES } from "@/lib/auth/roles";
import { withRoute } from "@/lib/http/with-route";
import { sendTestMessage } from "@/lib/notifications/send-test-message";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/settings/notifications/test: one test message to each configured webhook → per channel, delivered or not. */
export const POST = withRoute(async ({ tenantId, session }) => Response.json(await sendTestMessage({ tenantId, actor: session.id })), {
  roles: AREA_ROLES.settings,
});
