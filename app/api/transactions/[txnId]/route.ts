import { withRoute } from "@/lib/http/with-route";
import { AREA_ROLES } from "@/lib/auth/roles";
import { getTransactionDetail } from "@/lib/queue/get-transaction-detail";
import { txnIdSchema } from "@/lib/queue/txn-id";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/transactions/{txnId}: the queued transaction, its explanation and related items. */
export const GET = withRoute<{ txnId: string }>(
  async ({ tenantId, params }) =>
    Response.json(await getTransactionDetail({ tenantId, txnId: txnIdSchema.parse(params.txnId) }), {
      headers: { "cache-control": "no-store" },
    }),
  { roles: AREA_ROLES.queue },
);
