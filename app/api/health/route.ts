import { withPublicRoute } from "@/lib/http/with-route";
import { awsHealthChecks } from "@/lib/health/aws-checks";
import { cachedHealth } from "@/lib/health/cached-health";
import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

/** One round of dependency checks answers every caller for this long. */
const HEALTH_TTL_MS = 5_000;

const health = cachedHealth(() => checkHealth(awsHealthChecks(), { timeoutMs: 2_000 }), { ttlMs: HEALTH_TTL_MS });

/**
 * Public: load balancers and the launcher poll it. Reports up/down per dependency, no secrets, and
 * when the checks ran (at most HEALTH_TTL_MS ago).
 */
export const GET = withPublicRoute(async () => {
  const report = await health();
  return Response.json(report, { status: report.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
});
