import { readJsonBody } from "@/lib/http/read-json-body";
import { withRoute } from "@/lib/http/with-route";
import { createApiKeyAudited } from "@/lib/api-keys/audited-api-keys";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { AREA_ROLES } from "@/lib/auth/roles";
import { createApiKeyRequestSchema } from "@/lib/settings/settings-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/api-keys: the tenant's keys (names, prefixes, dates; never the keys). */
export const GET = withRoute(async ({ tenantId }) => Response.json({ keys: await listApiKeys({ tenantId }) }), {
  roles: AREA_ROLES.settings,
});

/** POST /api/api-keys {name, reason?}: a new key; the plaintext is in this response only. */
export const POST = withRoute(
  async ({ req, tenantId, session }) => {
    const { name, reason } = await readJsonBody(req, createApiKeyRequestSchema);
    const { record, plaintext } = await createApiKeyAudited({ tenantId, name, actor: session.id, reason });
    return Response.json({ key: record, plaintext }, { status: 201, headers: { "cache-control": "no-store" } });
  },
  { roles: AREA_ROLES.settings },
);
