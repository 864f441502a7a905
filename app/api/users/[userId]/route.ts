import { readJsonBody } from "@/lib/http/read-json-body";
import { withRoute } from "@/lib/http/with-route";
import { AREA_ROLES } from "@/lib/auth/roles";
import { setUserEnabled } from "@/lib/users/set-user-enabled";
import { updateUserRequestSchema, userIdSchema } from "@/lib/users/user-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * PATCH /api/users/{userId} {enabled, reason?}: disable or re-enable a user of the admin's tenant
 * (404 for anyone else's, 400 for oneself). A disabled user's sessions end within a minute. Audited.
 */
export const PATCH = withRoute<{ userId: string }>(
  async ({ req, tenantId, session, params }) => {
    const email = userIdSchema.parse(params.userId);
    const { enabled, reason } = await readJsonBody(req, updateUserRequestSchema, { maxBytes: 4096 });
    const user = await setUserEnabled({ tenantId, email, enabled, actor: session.id, reason });
    return Response.json({ user }, { status: 200 });
  },
  { roles: AREA_ROLES.settings },
);
