import { readJsonBody } from "@/lib/http/read-json-body";
import { withRoute } from "@/lib/http/with-route";
import { AREA_ROLES } from "@/lib/auth/roles";
import { driftDeps } from "@/lib/drift/drift-deps";
import { driftRunRequestSchema } from "@/lib/drift/drift-request";
import { runAndRecordDrift } from "@/lib/drift/run-and-record-drift";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/drift/run {endpoint, from, to}: a drift run over exactly [from, to), recorded and audited. */
export const POST = withRoute(
  async ({ req, tenantId, session }) => {
    const body = await readJsonBody(req, driftRunRequestSchema, { maxBytes: 4 * 1024 });
    const run = await runAndRecordDrift(
      { tenantId, endpointName: body.endpoint, from: body.from, to: body.to, trigger: "manual", actor: session.id },
      driftDeps(),
    );
    return Response.json(run, { status: 201 });
  },
  { roles: AREA_ROLES.drift },
);
