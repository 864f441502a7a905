import { withRoute } from "@/lib/http/with-route";
import { AREA_ROLES } from "@/lib/auth/roles";
import { getQueuePage } from "@/lib/queue/get-queue-page";
import { parseQueueFilters } from "@/lib/queue/queue-filters";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/queue?status&sort&decision&minAmount&maxAmount&modelVersion&from&to&q&limit&cursor: one page of the review queue. */
export const GET = withRoute(
  async ({ req, tenantId }) => {
    const filters = parseQueueFilters(new URL(req.url).searchParams);
    return Response.json(await getQueuePage({ tenantId, ...filters }), { headers: { "cache-control": "no-store" } });
  },
  { roles: AREA_ROLES.queue },
);
