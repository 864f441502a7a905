import { AREA_ROLES } from "@/lib/auth/roles";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withRoute } from "@/lib/http/with-route";
import { backtestRequestSchema } from "@/lib/promotion/backtest/backtest-record";
import { launchBacktest } from "@/lib/promotion/backtest/launch-backtest";
import { modelVersionParam } from "@/lib/promotion/promotion-requests";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/models/{version}/backtest {from, to} → 202 {id}: one at a time per tenant (409 backtest_running). */
export const POST = withRoute<{ version: string }>(
  async ({ req, tenantId, session, params }) => {
    const version = modelVersionParam.parse(params.version);
    const body = await readJsonBody(req, backtestRequestSchema);
    const backtest = await launchBacktest({ tenantId, version, from: body.from, to: body.to, actor: session.id });
    return Response.json({ id: backtest.id, backtest }, { status: 202 });
  },
  { roles: AREA_ROLES.models },
);
