import { AREA_ROLES } from "@/lib/auth/roles";
import { getErrorBudget } from "@/lib/error-budget/get-error-budget";
import { AppError } from "@/lib/errors/app-error";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withRoute } from "@/lib/http/with-route";
import { promoteCanary } from "@/lib/promotion/promote-canary";
import { promoteRequestSchema } from "@/lib/promotion/promotion-requests";
import { getTenant } from "@/lib/tenants/get-tenant";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * POST /api/endpoints/{name}/promote {variant, reason}: the canary to 100% (audited), or 409 with
 * budget_frozen, canary_too_few_requests, canary_unhealthy, no_canary or model_not_approved.
 */
export const POST = withRoute<{ name: string }>(
  async ({ req, tenantId, session, params }) => {
    const body = await readJsonBody(req, promoteRequestSchema);
    const tenant = await getTenant({ tenantId });
    if (!tenant || tenant.endpointName !== params.name) throw new AppError("not_found", "Endpoint not found");
    const deployment = await promoteCanary(
      { tenantId, variant: body.variant, actor: session.id, reason: body.reason },
      { budgetFreeze: (input) => getErrorBudget(input) },
    );
    return Response.json({ deployment }, { status: 200 });
  },
  { roles: AREA_ROLES.models },
);
