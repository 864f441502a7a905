import { infiniteQueryOptions } from "@tanstack/react-query";
import type { AuditPage } from "@/lib/audit/list-audit";
import { apiFetch } from "./api-fetch";

/**
 * The audit log's filters as they live in the page URL (?action=&actor=&from=&to=, dates as
 * YYYY-MM-DD in UTC), and the infinite query over GET /api/settings/audit with its cursor.
 */
export interface AuditSearch {
  action?: string;
  actor?: string;
  /** Inclusive UTC days. */
  from?: string;
  to?: string;
}

export const AUDIT_PAGE_SIZE = 25;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the filters from URL search params, dropping anything malformed (a URL is user input). */
export function auditSearchFromParams(params: Record<string, string | string[] | undefined> | URLSearchParams): AuditSearch {
  const get = (name: string) => {
    const value = params instanceof URLSearchParams ? params.get(name) : params[name];
    const text = Array.isArray(value) ? value[0] : value;
    return text?.trim() ? text.trim().slice(0, 320) : undefined;
  };
  const day = (name: string) => {
    const value = get(name);
    return value && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : undefined;
  };
  return { action: get("action"), actor: get("actor"), from: day("from"), to: day("to") };
}

/** The filters as URL search params, without empty ones (for the page URL). */
export function auditSearchToParams(search: AuditSearch): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(search)) if (typeof value === "string" && value) params.set(name, value);
  return params;
}

/** The API's query: whole UTC days become ISO bounds. */
export function auditApiQuery(search: AuditSearch, cursor: string | null): URLSearchParams {
  const params = auditSearchToParams({ action: search.action, actor: search.actor });
  if (search.from) params.set("from", `${search.from}T00:00:00.000Z`);
  if (search.to) params.set("to", `${search.to}T23:59:59.999Z`);
  params.set("limit", String(AUDIT_PAGE_SIZE));
  if (cursor) params.set("cursor", cursor);
  return params;
}

export const auditKeys = {
  all: ["audit"] as const,
  list: (search: AuditSearch) => ["audit", auditSearchToParams(search).toString()] as const,
};

export const auditQueryOptions = (search: AuditSearch) =>
  infiniteQueryOptions({
    queryKey: auditKeys.list(search),
    queryFn: ({ pageParam }) => apiFetch<AuditPage>(`/api/settings/audit?${auditApiQuery(search, pageParam).toString()}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // Changing a filter keeps the previous rows on screen until the new ones arrive.
    placeholderData: (previous) => previous,
  });
