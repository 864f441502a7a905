import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { Dashboard, PanelName } from "@/lib/dashboards/get-dashboard";
import { isRangePreset, type RangePreset } from "@/lib/dashboards/range";
import { apiFetch } from "./api-fetch";

/** The dashboards' range as it lives in the page URL: ?range=1h, or ?from=…&to=… (ISO) for a custom one. */
export type DashboardSearch = { range: RangePreset } | { from: string; to: string };

export const DEFAULT_DASHBOARD_RANGE: RangePreset = "1h";
/** CloudWatch's one-minute data changes once a minute; twice a minute keeps "live" honest. */
export const DASHBOARD_REFRESH_MS = 30_000;

export function dashboardSearchFromParams(params: Record<string, string | string[] | undefined>): DashboardSearch {
  const one = (name: string) => {
    const v = params[name];
    return (Array.isArray(v) ? v[0] : v)?.trim();
  };
  const from = one("from");
  const to = one("to");
  if (from && to && Number.isFinite(Date.parse(from)) && Number.isFinite(Date.parse(to)) && Date.parse(from) < Date.parse(to))
    return { from, to };
  const range = one("range");
  return { range: range && isRangePreset(range) ? range : DEFAULT_DASHBOARD_RANGE };
}

export function dashboardSearchToParams(search: DashboardSearch): URLSearchParams {
  return new URLSearchParams("range" in search ? { range: search.range } : { from: search.from, to: search.to });
}

export const dashboardOptions = (search: DashboardSearch, panels: readonly PanelName[]) =>
  queryOptions({
    queryKey: ["dashboard", search, [...panels]],
    queryFn: () => {
      const params = dashboardSearchToParams(search);
      params.set("panels", panels.join(","));
      return apiFetch<Dashboard>(`/api/metrics?${params}`);
    },
    // A preset range moves with the clock; a custom one is fixed and never needs refreshing.
    // React Query pauses the interval while the tab is hidden (refetchIntervalInBackground: false).
    refetchInterval: "range" in search ? DASHBOARD_REFRESH_MS : false,
    placeholderData: keepPreviousData,
  });
