import { withRoute } from "@/lib/http/with-route";
import { AREA_ROLES } from "@/lib/auth/roles";
import { getErrorBudget } from "@/lib/error-budget/get-error-budget";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The tenant's error budget: SLO, the rolling 30-day window, remaining, burn rates (5 min … 3 d),
 * multi-window alerts, the promotion freeze (frozen, frozenSince, frozenUntil) and the chart's timeline.
 */
export const GET = withRoute(async ({ tenantId }) => Response.json(await getErrorBudget({ tenantId })), {
  roles: AREA_ROLES.models,
});
