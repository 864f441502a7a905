import { withRoute } from "@/lib/http/with-route";
import { AREA_ROLES } from "@/lib/auth/roles";
import { metricsQuerySchema, resolveMetricsRange } from "@/lib/metrics/endpoint-metrics";
import { getEndpointMetrics } from "@/lib/metrics/get-endpoint-metrics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/endpoints/{name}/metrics?from&to&period : per variant invocations, 4xx/5xx rates and
 * ModelLatency p50/p95 from CloudWatch, per period and over the window. `name` must be the tenant's
 * own endpoint (else 404).
 */
export const GET = withRoute<{ name: string }>(
  async ({ req, params, tenantId }) => {
    const query = metricsQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    const range = resolveMetricsRange(query, Date.now());
    return Response.json(await getEndpointMetrics({ tenantId, endpointName: params.name, range }));
  },
  { roles: AREA_ROLES.endpoints },
);
