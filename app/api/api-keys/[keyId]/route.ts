import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { readBodyText } from "@/lib/http/read-json-body";
import { withRoute } from "@/lib/http/with-route";
import { revokeApiKeyAudited } from "@/lib/api-keys/audited-api-keys";
import { AREA_ROLES } from "@/lib/auth/roles";
import { revokeApiKeyRequestSchema } from "@/lib/settings/settings-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const keyIdSchema = z.string().regex(/^[0-9a-f]{12}$/, "not an API key id");

/** DELETE /api/api-keys/{keyId} [{reason}]: revoke; effective on every instance within a minute. */
export const DELETE = withRoute<{ keyId: string }>(
  async ({ req, tenantId, session, params }) => {
    const keyId = keyIdSchema.parse(params.keyId);
    // A DELETE body is optional: clients may send none.
    const text = await readBodyText(req, 4096);
    const { reason } = revokeApiKeyRequestSchema.parse(text ? parseJson(text) : {});
    const key = await revokeApiKeyAudited({ tenantId, keyId, actor: session.id, reason });
    return Response.json({ key }, { status: 200 });
  },
  { roles: AREA_ROLES.settings },
);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "Request body is not valid JSON");
  }
}
