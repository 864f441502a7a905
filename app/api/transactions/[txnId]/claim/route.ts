import { AppError } from "@/lib/errors/app-error";
import { readBodyText } from "@/lib/http/read-json-body";
import { withRoute } from "@/lib/http/with-route";
import { AREA_ROLES } from "@/lib/auth/roles";
import { claimRequestSchema } from "@/lib/feedback/verdict-request";
import { claimItem, releaseClaim } from "@/lib/queue/claim-item";
import { txnIdSchema } from "@/lib/queue/txn-id";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/transactions/{txnId}/claim [{takeOver}]: work on the item for a few minutes (409 when a colleague holds it). */
export const POST = withRoute<{ txnId: string }>(
  async ({ req, tenantId, session, params }) => {
    const text = await readBodyText(req, 1024);
    const { takeOver } = claimRequestSchema.parse(text ? parseJson(text) : {});
    const item = await claimItem({
      tenantId,
      txnId: txnIdSchema.parse(params.txnId),
      actor: { id: session.id, name: session.name },
      takeOver,
    });
    return Response.json({ claim: item.claim, version: item.version, status: item.status }, { status: 200 });
  },
  { roles: AREA_ROLES.queue },
);

/** DELETE /api/transactions/{txnId}/claim: give up one's own claim. */
export const DELETE = withRoute<{ txnId: string }>(
  async ({ tenantId, session, params }) => {
    await releaseClaim({ tenantId, txnId: txnIdSchema.parse(params.txnId), actor: { id: session.id, name: session.name } });
    return new Response(null, { status: 204 });
  },
  { roles: AREA_ROLES.queue },
);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "Request body is not valid JSON");
  }
}
