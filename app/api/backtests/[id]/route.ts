import { AREA_ROLES } from "@/lib/auth/roles";
import { withRoute } from "@/lib/http/with-route";
import { backtestIdSchema } from "@/lib/promotion/backtest/backtest-record";
import { getBacktest } from "@/lib/promotion/backtest/backtest-store";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/backtests/{id}: status, progress and the (running) comparison; another tenant's id is 404. */
export const GET = withRoute<{ id: string }>(
  async ({ tenantId, params }) => Response.json(await getBacktest({ tenantId, id: backtestIdSchema.parse(params.id) })),
  { roles: AREA_ROLES.models },
);
