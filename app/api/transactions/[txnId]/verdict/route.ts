import { readJsonBody } from "@/lib/http/read-json-body";
import { withRoute } from "@/lib/http/with-route";
import { AREA_ROLES } from "@/lib/auth/roles";
import { recordVerdict } from "@/lib/feedback/record-verdict";
import { verdictRequestSchema } from "@/lib/feedback/verdict-request";
import { txnIdSchema } from "@/lib/queue/txn-id";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/transactions/{txnId}/verdict {verdict, note?, version}: 409 when stale or claimed by a colleague. */
export const POST = withRoute<{ txnId: string }>(
  async ({ req, tenantId, session, params }) => {
    const txnId = txnIdSchema.parse(params.txnId);
    const body = await readJsonBody(req, verdictRequestSchema);
    const result = await recordVerdict({ tenantId, txnId, actor: { id: session.id, name: session.name }, ...body });
    return Response.json(result, { status: 200 });
  },
  { roles: AREA_ROLES.queue },
);
