import { after } from "next/server";
import { AREA_ROLES } from "@/lib/auth/roles";
import { endpointNameSchema, rollbackRequestSchema } from "@/lib/deployments/requests";
import { rollback } from "@/lib/deployments/rollback";
import { AppError } from "@/lib/errors/app-error";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withRoute } from "@/lib/http/with-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * POST /api/endpoints/{name}/rollback {reason} → {event}. 200 with outcome `succeeded` (traffic is
 * moving: follow GET /api/endpoints/{name}) or `already_rolled_back` (another call won; its event);
 * 503 with the failed event in error.details.event when SageMaker refused (nothing changed).
 * The notification is sent after the answer.
 */
export const POST = withRoute<{ name: string }>(
  async ({ req, tenantId, session, params }) => {
    const endpointName = endpointNameSchema.parse(params.name);
    const { reason } = await readJsonBody(req, rollbackRequestSchema, { maxBytes: 4096 });
    const { event, notification } = await rollback({ tenantId, endpointName, trigger: "manual", actor: session.id, reason });
    keepAliveUntil(notification);
    if (event.outcome === "failed") {
      throw new AppError("unavailable", `The rollback failed: SageMaker answered ${event.error?.name ?? "an error"}; nothing was changed`, {
        details: { event },
      });
    }
    return Response.json({ event }, { status: 200 });
  },
  { roles: AREA_ROLES.endpoints },
);

/**
 * Keeps a serverless host alive until the notification is out (next/server `after`). Outside a
 * Next request (a script calling the handler) `after` throws; the promise runs to its end anyway.
 */
function keepAliveUntil(work: Promise<void>): void {
  try {
    after(() => work);
  } catch {
    void work;
  }
}
