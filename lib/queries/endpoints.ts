import { queryOptions } from "@tanstack/react-query";
import {
  DEFAULT_METRIC_WINDOW,
  isMetricWindow,
  MAX_RANGE_SECONDS,
  METRIC_WINDOWS,
  type EndpointMetrics,
  type MetricWindow,
} from "@/lib/metrics/endpoint-metrics";
import type { EndpointDetail, EndpointDetailVariant as EndpointVariant } from "@/lib/deployments/get-endpoint-detail";
import type { RollbackEvent } from "./rollbacks";
import { ApiError, isApiError } from "./api-error";
import { apiFetch } from "./api-fetch";

/**
 * The Endpoints page's data: the endpoint (polled while SageMaker moves it), its per-variant
 * metrics over a window, and the two mutations (weights, rollback).
 */

/** GET /api/endpoints/{name}: SageMaker's live view joined with the deployment record, and what a rollback would do. */
export type { EndpointDetail, EndpointVariant };

export const isShadow = (v: Pick<EndpointVariant, "role">) => v.role === "shadow";

/** SageMaker's transitional states: while in one, the page polls until InService or Failed. */
export const TRANSITIONAL_STATUSES = new Set(["Creating", "Updating", "SystemUpdating", "RollingBack", "Deleting"]);
export const ENDPOINT_POLL_MS = 2_000;
export const METRICS_REFRESH_MS = 30_000;

/** The metrics range as the page URL holds it: a live window (`?window=1h`) or a fixed span (`?from&to`). */
export type MetricsView = { window: MetricWindow } | { from: string; to: string };

export const endpointKeys = {
  all: ["endpoints"] as const,
  detail: (name: string) => ["endpoints", name] as const,
  metrics: (name: string, view: MetricsView) =>
    ["endpoints", name, "metrics", "window" in view ? view.window : `${view.from}/${view.to}`] as const,
};

export function endpointUrl(name: string): string {
  return `/api/endpoints/${encodeURIComponent(name)}`;
}

/** The endpoint, or null when the tenant has none of that name (404). */
async function fetchEndpoint(name: string): Promise<EndpointDetail | null> {
  try {
    return await apiFetch<EndpointDetail>(endpointUrl(name));
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

/** Polls every 2 s while the endpoint is Creating/Updating/…, and stops by itself once it is settled or on error. */
export const endpointQueryOptions = (name: string) =>
  queryOptions({
    queryKey: endpointKeys.detail(name),
    queryFn: () => fetchEndpoint(name),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return query.state.status !== "error" && status && TRANSITIONAL_STATUSES.has(status) ? ENDPOINT_POLL_MS : false;
    },
  });

export function metricsQueryString(view: MetricsView, nowMs: number): string {
  const params = new URLSearchParams();
  if ("window" in view) {
    const window = METRIC_WINDOWS[view.window];
    params.set("from", new Date(nowMs - window.seconds * 1000).toISOString());
    params.set("to", new Date(nowMs).toISOString());
    params.set("period", String(window.period));
  } else {
    params.set("from", view.from);
    params.set("to", view.to);
  }
  return params.toString();
}

/** A live window refreshes every 30 s (CloudWatch's minute periods); a fixed span never changes. */
export const endpointMetricsQueryOptions = (name: string, view: MetricsView) =>
  queryOptions({
    queryKey: endpointKeys.metrics(name, view),
    queryFn: () => apiFetch<EndpointMetrics>(`${endpointUrl(name)}/metrics?${metricsQueryString(view, Date.now())}`),
    refetchInterval: (query) => ("window" in view && query.state.status !== "error" ? METRICS_REFRESH_MS : false),
    placeholderData: (previous) => previous,
  });

export interface WeightsBody {
  weights: Record<string, number>;
  reason: string;
  expectedVersion: number;
}

export function putWeights(name: string, body: WeightsBody): Promise<unknown> {
  return apiFetch<unknown>(`${endpointUrl(name)}/weights`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

/**
 * POST /api/endpoints/{name}/rollback → the event: `succeeded` or `already_rolled_back` (200), and
 * a failed rollback too (503 with the event, its AWS error, in error.details.event), so the page can
 * show what AWS said; any other error rejects.
 */
export async function postRollback(name: string, body: { reason: string }): Promise<RollbackEvent> {
  try {
    const { event } = await apiFetch<{ event: RollbackEvent }>(`${endpointUrl(name)}/rollback`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return event;
  } catch (error) {
    const failed = error instanceof ApiError ? (error.details as { event?: RollbackEvent } | undefined)?.event : undefined;
    if (failed) return failed;
    throw error;
  }
}

/** `?window=15m|1h|24h`, or a fixed `?from&to` (ISO, e.g. from a rollback's ±30 min link); malformed input falls back to 1 h. */
export function metricsViewFromParams(params: Record<string, string | string[] | undefined>): MetricsView {
  const get = (name: string) => {
    const value = params[name];
    return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
  };
  const from = get("from");
  const to = get("to");
  if (from && to) {
    const fromMs = Date.parse(from);
    const toMs = Date.parse(to);
    if (Number.isFinite(fromMs) && Number.isFinite(toMs) && fromMs < toMs && toMs - fromMs <= MAX_RANGE_SECONDS * 1000) {
      return { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() };
    }
  }
  const window = get("window");
  return { window: isMetricWindow(window) ? window : DEFAULT_METRIC_WINDOW };
}
