import { queryOptions } from "@tanstack/react-query";
import type { EndpointLookup, EndpointOverview, VariantOverview } from "@/lib/deployments/endpoint-overview";
import {
  DEFAULT_METRIC_WINDOW,
  isMetricWindow,
  MAX_RANGE_SECONDS,
  METRIC_WINDOWS,
  type EndpointMetrics,
  type MetricWindow,
} from "@/lib/metrics/endpoint-metrics";
import type { RollbackEvent } from "./rollbacks";
import { apiFetch } from "./api-fetch";

/**
 * The Endpoints page's data: the endpoint (polled while SageMaker moves it), its per-variant
 * metrics over a window, and the two mutations (weights, rollback).
 */

/** A variant as the page shows it: the overview plus the model package version it serves. */
export interface EndpointVariant extends VariantOverview {
  modelVersion?: string | null;
  /** Shadow variants get a copy of live traffic; their answers never reach callers. */
  isShadow?: boolean;
}

export interface EndpointDetail extends Omit<EndpointOverview, "variants"> {
  variants: EndpointVariant[];
  /** The deployment record's version: sent back with a weights change (optimistic concurrency). */
  deploymentVersion?: number | null;
}

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

async function fetchEndpoint(): Promise<EndpointDetail | null> {
  const lookup = await apiFetch<EndpointLookup>("/api/endpoints");
  return lookup.found ? lookup.endpoint : null;
}

/** Polls every 2 s while the endpoint is Creating/Updating/…, and stops by itself once it is settled or on error. */
export const endpointQueryOptions = (name: string) =>
  queryOptions({
    queryKey: endpointKeys.detail(name),
    queryFn: fetchEndpoint,
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
  expectedVersion: number | null | undefined;
}

export function putWeights(name: string, body: WeightsBody): Promise<unknown> {
  return apiFetch<unknown>(`${endpointUrl(name)}/weights`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

export function postRollback(name: string, body: { reason: string }): Promise<{ event: RollbackEvent }> {
  return apiFetch<{ event: RollbackEvent }>(`${endpointUrl(name)}/rollback`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
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
