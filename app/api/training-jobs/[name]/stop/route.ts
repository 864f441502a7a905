import { AREA_ROLES } from "@/lib/auth/roles";
import { withRoute } from "@/lib/http/with-route";
import { stopTrainingJob } from "@/lib/training/launch-training-job";
import { trainingJobNameSchema } from "@/lib/training/training-job";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/training-jobs/{name}/stop → the job (StopTrainingJob; 409 when it has already ended). */
export const POST = withRoute<{ name: string }>(
  async ({ tenantId, session, params }) =>
    Response.json(await stopTrainingJob({ tenantId, name: trainingJobNameSchema.parse(params.name), actor: session.id })),
  { roles: AREA_ROLES.models },
);
