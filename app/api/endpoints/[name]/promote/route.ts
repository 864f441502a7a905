import { AREA_ROLES } from "@/lib/auth/roles";
import { getErrorBudget } from "@/lib/error-budget/get-error-budget";
import { AppError } from "@/lib/errors/app-error";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withRoute } from "@/lib/http/with-route";
import { checkPromotion } from "@/lib/promotion/check-promotion";
import { promoteCanary } from "@/lib/promotion/promote-canary";
import { promoteRequestSchema, promoteCheckQuerySchema } from "@/lib/promotion/promotion-requests";
import { getTenant } from "@/lib/tenants/get-tenant";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

async function ownEndpoint(tenantId: string, name: string) {
  const tenant = await getTenant({ tenantId });
  if (!tenant || tenant.endpointName !== name) throw new AppError("not_found", "Endpoint not found");
}

const budgetFreeze = (input: { tenantId: string }) => getErrorBudget(input);

/**
 * GET /api/endpoints/{name}/promote?variant=canary: what a promotion would be judged on now (the
 * canary's and production's last hour, the guardrails, the freeze) and every reason it would be refused.
 */
export const GET = withRoute<{ name: string }>(
  async ({ req, tenantId, params }) => {
    await ownEndpoint(tenantId, params.name);
    const { variant } = promoteCheckQuerySchema.parse({ variant: new URL(req.url).searchParams.get("variant") ?? undefined });
    const { check } = await checkPromotion({ tenantId, variant }, { budgetFreeze });
    return Response.json(check);
  },
  { roles: AREA_ROLES.models },
);

/**
 * POST /api/endpoints/{name}/promote {variant, reason}: the canary to 100% (audited), or 409 with
 * budget_frozen, canary_too_few_requests, canary_unhealthy, no_canary or model_not_approved.
 */
export const POST = withRoute<{ name: string }>(
  async ({ req, tenantId, session, params }) => {
    const body = await readJsonBody(req, promoteRequestSchema);
    await ownEndpoint(tenantId, params.name);
    const deployment = await promoteCanary({ tenantId, variant: body.variant, actor: session.id, reason: body.reason }, { budgetFreeze });
    return Response.json({ deployment }, { status: 200 });
  },
  { roles: AREA_ROLES.models },
);
