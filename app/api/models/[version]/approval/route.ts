import { readJsonBody } from "@/lib/http/read-json-body";
import { withRoute } from "@/lib/http/with-route";
import { AREA_ROLES } from "@/lib/auth/roles";
import { versionParamSchema } from "@/lib/models/version-param";
import { approvalRequestSchema } from "@/lib/promotion/approval-request";
import { decideApproval } from "@/lib/promotion/decide-approval";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * POST /api/models/{version}/approval {status: "Approved" | "Rejected", comment}: records the
 * decision in the registry (UpdateModelPackage), audited. An approval the gates refuse answers 409
 * with `gate_roc_auc` or `gate_champion` and the reason; rejecting a version serving traffic, 409.
 */
export const POST = withRoute<{ version: string }>(
  async ({ req, tenantId, session, params }) => {
    const version = versionParamSchema.parse(params.version);
    const request = await readJsonBody(req, approvalRequestSchema, { maxBytes: 4096 });
    return Response.json({ version: await decideApproval({ tenantId, version, actor: session.id, ...request }) }, { status: 200 });
  },
  { roles: AREA_ROLES.models },
);
