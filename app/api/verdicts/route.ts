import { readJsonBody } from "@/lib/http/read-json-body";
import { withRoute } from "@/lib/http/with-route";
import { AREA_ROLES } from "@/lib/auth/roles";
import { recordVerdicts } from "@/lib/feedback/record-verdicts";
import { bulkVerdictRequestSchema } from "@/lib/feedback/verdict-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/verdicts {verdict, note?, items: [{txnId, version}]}: one outcome per item, in order (idempotent). */
export const POST = withRoute(
  async ({ req, tenantId, session }) => {
    const body = await readJsonBody(req, bulkVerdictRequestSchema);
    const results = await recordVerdicts({ tenantId, actor: { id: session.id, name: session.name }, ...body });
    return Response.json({ results }, { status: 200 });
  },
  { roles: AREA_ROLES.queue },
);
