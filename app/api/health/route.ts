import { withPublicRoute } from "@/lib/http/with-route";
import { awsHealthChecks } from "@/lib/health/aws-checks";
import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

/** Public: load balancers and the launcher poll it. Reports up/down per dependency, no secrets. */
export const GET = withPublicRoute(async () => {
  const report = await checkHealth(awsHealthChecks(), { timeoutMs: 2_000 });
  return Response.json(report, { status: report.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
});
