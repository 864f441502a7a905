import { AREA_ROLES } from "@/lib/auth/roles";
import { withRoute } from "@/lib/http/with-route";
import { listBacktests } from "@/lib/promotion/backtest/backtest-store";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/backtests: the tenant's ten most recent backtests, newest first (comparisons left out). */
export const GET = withRoute(async ({ tenantId }) => Response.json({ items: await listBacktests({ tenantId }) }), {
  roles: AREA_ROLES.models,
});
