import { AREA_ROLES } from "@/lib/auth/roles";
import { withRoute } from "@/lib/http/with-route";
import { backtestIdSchema } from "@/lib/promotion/backtest/backtest-record";
import { cancelBacktest } from "@/lib/promotion/backtest/launch-backtest";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/backtests/{id}/cancel: asks a running backtest to stop (audited); 409 once it has ended. */
export const POST = withRoute<{ id: string }>(
  async ({ tenantId, session, params }) =>
    Response.json(await cancelBacktest({ tenantId, id: backtestIdSchema.parse(params.id), actor: session.id })),
  { roles: AREA_ROLES.models },
);
