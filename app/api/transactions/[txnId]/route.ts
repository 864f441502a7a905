import { withRoute } from "@/lib/http/with-route";
import { AREA_ROLES } from "@/lib/auth/roles";
import { getTransactionDetail } from "@/lib/queue/get-transaction-detail";
import { txnIdSchema } from "@/lib/queue/txn-id";
import { redriveExplanation } from "@/lib/scoring/explain/redrive-explanations";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/transactions/{txnId}: the queued transaction, its explanation and related items. The
 * page polls it while the explanation is pending; an explanation whose owner's lease ran out (a
 * crash, a dropped job) is re-driven from here.
 */
export const GET = withRoute<{ txnId: string }>(
  async ({ tenantId, params }) =>
    Response.json(
      await getTransactionDetail(
        { tenantId, txnId: txnIdSchema.parse(params.txnId) },
        { onStaleExplanation: (item) => redriveExplanation({ item }) },
      ),
      { headers: { "cache-control": "no-store" } },
    ),
  { roles: AREA_ROLES.queue },
);
