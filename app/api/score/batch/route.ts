import { readJsonBody } from "@/lib/http/read-json-body";
import { batchScoreRequestSchema, MAX_BATCH_BODY_BYTES } from "@/lib/scoring/score-request";
import { scoreForTenant } from "@/lib/scoring/score-for-tenant";
import { withApiKey } from "@/lib/http/with-api-key";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/score/batch: up to 1,000 transactions → a decision for each, in order. */
export const POST = withApiKey(async ({ req, tenantId, startedAt, chargeTransactions }) => {
  const { transactions } = await readJsonBody(req, batchScoreRequestSchema, { maxBytes: MAX_BATCH_BODY_BYTES });
  // The per-key limit counts transactions: a batch of n rows costs n units.
  await chargeTransactions(transactions.length);
  const results = await scoreForTenant({ tenantId, transactions, startedAt });
  return Response.json({ results }, { status: 200 });
});
