import { withRoute } from "@/lib/http/with-route";
import { AREA_ROLES } from "@/lib/auth/roles";
import { getDashboard, parsePanels } from "@/lib/dashboards/get-dashboard";
import { parseDashboardRange } from "@/lib/dashboards/range";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Ranges that end "now" are computed at 15-second ticks, so viewers of one tenant share a cached answer. */
const NOW_TICK_MS = 15_000;

/** GET /api/metrics?range|from&to&step&panels: the dashboards' series (lib/dashboards). */
export const GET = withRoute(
  async ({ req, tenantId, session }) => {
    const params = new URL(req.url).searchParams;
    const now = Math.floor(Date.now() / NOW_TICK_MS) * NOW_TICK_MS;
    const range = parseDashboardRange(params, now);
    const panels = parsePanels(params.get("panels"), session.role);
    return Response.json(await getDashboard({ tenantId, range, panels, now }), { headers: { "cache-control": "no-store" } });
  },
  { roles: AREA_ROLES.dashboards },
);
