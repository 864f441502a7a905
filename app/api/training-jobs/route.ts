import { AREA_ROLES } from "@/lib/auth/roles";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withRoute } from "@/lib/http/with-route";
import { listActiveTrainingJobs } from "@/lib/training/read-training-jobs";
import { launchTrainingJob } from "@/lib/training/launch-training-job";
import { trainingJobRequestSchema } from "@/lib/training/training-job";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/training-jobs: the tenant's jobs, newest first (an unfinished one is advanced on read). */
export const GET = withRoute(async ({ tenantId }) => Response.json({ jobs: await listActiveTrainingJobs({ tenantId }) }), {
  roles: AREA_ROLES.models,
});

/** POST /api/training-jobs {from, to, hyperparameters?} → 201 the job (409 training_running while one runs). */
export const POST = withRoute(
  async ({ req, tenantId, session }) => {
    const request = await readJsonBody(req, trainingJobRequestSchema);
    return Response.json(await launchTrainingJob({ tenantId, actor: session.id, request }), { status: 201 });
  },
  { roles: AREA_ROLES.models },
);
