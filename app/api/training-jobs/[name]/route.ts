import { AREA_ROLES } from "@/lib/auth/roles";
import { withRoute } from "@/lib/http/with-route";
import { readTrainingJob } from "@/lib/training/read-training-jobs";
import { trainingJobNameSchema } from "@/lib/training/training-job";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/training-jobs/{name}: the job (advanced on read while unfinished); another tenant's name is 404. */
export const GET = withRoute<{ name: string }>(
  async ({ tenantId, params }) => Response.json(await readTrainingJob({ tenantId, name: trainingJobNameSchema.parse(params.name) })),
  { roles: AREA_ROLES.models },
);
