import { queryOptions } from "@tanstack/react-query";
import type { DriftFeatureHistograms, DriftOverview, DriftRun } from "@/lib/drift/drift-run";
import { apiFetch } from "./api-fetch";

/**
 * Query factories of the Drift page. The overview refreshes every minute (the scheduler adds a run
 * an hour, "Run now" invalidates it at once); a run's histograms never change, so they stay fresh.
 */
export const DRIFT_REFRESH_MS = 60_000;

export const driftKeys = {
  all: ["drift"] as const,
  overview: (endpoint: string | null) => ["drift", "overview", endpoint ?? ""] as const,
  feature: (runId: string, feature: string) => ["drift", "feature", runId, feature] as const,
};

export const driftOverviewOptions = (endpoint: string | null) =>
  queryOptions({
    queryKey: driftKeys.overview(endpoint),
    queryFn: () => apiFetch<DriftOverview>(`/api/drift${endpoint ? `?endpoint=${encodeURIComponent(endpoint)}` : ""}`),
    refetchInterval: DRIFT_REFRESH_MS,
  });

export const driftFeatureOptions = (runId: string, feature: string) =>
  queryOptions({
    queryKey: driftKeys.feature(runId, feature),
    queryFn: () => apiFetch<DriftFeatureHistograms>(`/api/drift/runs/${encodeURIComponent(runId)}/features/${encodeURIComponent(feature)}`),
    staleTime: Number.POSITIVE_INFINITY,
  });

export function postDriftRun(body: { endpoint: string; from: string; to: string }) {
  return apiFetch<DriftRun>("/api/drift/run", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}
