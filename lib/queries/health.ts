import { queryOptions } from "@tanstack/react-query";
import type { HealthReport } from "@/lib/health/check-health";
import { ApiError } from "./api-error";

/** GET /api/health answers 503 with the same report when degraded: that is data, not a failure. */
async function fetchHealth(): Promise<HealthReport> {
  const response = await fetch("/api/health", { headers: { accept: "application/json" } });
  const body: unknown = await response.json().catch(() => null);
  if (isReport(body)) return body;
  throw new ApiError(response.status, "internal", "Health check answered unexpectedly");
}

function isReport(value: unknown): value is HealthReport {
  return typeof value === "object" && value !== null && "status" in value && "checks" in value;
}

export const healthQueryOptions = () =>
  queryOptions({
    queryKey: ["health"],
    queryFn: fetchHealth,
    // A status light: a minute is fresh enough and costs four cheap AWS calls per open tab.
    refetchInterval: 60_000,
  });
