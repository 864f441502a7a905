import { AREA_ROLES } from "@/lib/auth/roles";
import { withRoute } from "@/lib/http/with-route";
import { planTraining } from "@/lib/training/plan-training";
import { trainingPreviewQuery } from "@/lib/training/training-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/training-jobs/preview?from&to[&num_round=…] → the parameters the job would start with. */
export const GET = withRoute(
  async ({ req, tenantId }) => {
    const request = trainingPreviewQuery(new URL(req.url).searchParams);
    const { parameters } = await planTraining({ tenantId, ...request });
    return Response.json(parameters);
  },
  { roles: AREA_ROLES.models },
);
