import { z } from "zod";
import { withRoute } from "@/lib/http/with-route";
import { AREA_ROLES } from "@/lib/auth/roles";
import { getGlobalExplanations } from "@/lib/explanations/get-global-explanations";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const querySchema = z.object({ days: z.coerce.number().int().min(1).max(90).default(7) });

/** GET /api/explanations?days=7: mean |SHAP| per feature and precision from verdicts, per model version. */
export const GET = withRoute(
  async ({ req, tenantId }) => {
    const { days } = querySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    return Response.json(await getGlobalExplanations({ tenantId, days }), { headers: { "cache-control": "no-store" } });
  },
  { roles: AREA_ROLES.queue },
);
