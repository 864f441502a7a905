import { withRoute } from "@/lib/http/with-route";
import { AREA_ROLES } from "@/lib/auth/roles";
import { getDriftFeatureHistograms } from "@/lib/drift/drift-store";
import { AppError } from "@/lib/errors/app-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/drift/runs/{runId}/features/{feature}: the baseline and window histograms on the baseline's bins. */
export const GET = withRoute<{ runId: string; feature: string }>(
  async ({ params, tenantId }) => {
    const histograms = await getDriftFeatureHistograms({ tenantId, runId: params.runId, feature: params.feature });
    if (!histograms) throw new AppError("not_found", `No feature ${params.feature} in drift run ${params.runId}`);
    return Response.json(histograms, { headers: { "cache-control": "private, max-age=3600" } });
  },
  { roles: AREA_ROLES.drift },
);
