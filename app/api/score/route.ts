import { readJsonBody } from "@/lib/http/read-json-body";
import { MAX_SINGLE_BODY_BYTES, scoreRequestSchema } from "@/lib/scoring/score-request";
import { scoreForTenant } from "@/lib/scoring/score-for-tenant";
import { withApiKey } from "@/lib/http/with-api-key";

// The AWS SDK and node:crypto need the Node runtime; never cache a decision.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/score: one transaction → its decision (OpenAPI: GET /api/openapi). */
export const POST = withApiKey(async ({ req, tenantId, startedAt }) => {
  const transaction = await readJsonBody(req, scoreRequestSchema, { maxBytes: MAX_SINGLE_BODY_BYTES });
  const [result] = await scoreForTenant({ tenantId, transactions: [transaction], startedAt });
  return Response.json(result, { status: 200 });
});
