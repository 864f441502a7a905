import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";

/** One variant's traffic in a rollback's before/after state. */
export interface RollbackVariantState {
  variantName: string;
  /** production keeps the traffic in a rollback; canary goes to 0. */
  role?: "production" | "canary";
  modelVersion?: string | number | null;
  weight: number;
  instanceCount?: number | null;
}

export interface RollbackState {
  endpointConfigName?: string | null;
  variants?: RollbackVariantState[];
}

export const ROLLBACK_TRIGGERS = ["manual", "alarm"] as const;
export const ROLLBACK_OUTCOMES = ["succeeded", "failed", "already_rolled_back"] as const;
/** `in_progress` is what an event says while its rollback runs (or if the process running it died). */
export type StoredRollbackOutcome = RollbackOutcome | "in_progress";
export type RollbackTrigger = (typeof ROLLBACK_TRIGGERS)[number];
export type RollbackOutcome = (typeof ROLLBACK_OUTCOMES)[number];

/** A rollback event, as GET /api/rollbacks answers it (issue [7/12], point 4). */
export interface RollbackEvent {
  id: string;
  tenant?: string;
  endpoint: string;
  trigger: RollbackTrigger;
  alarm?: string | null;
  actor: string;
  reason: string;
  before: RollbackState | null;
  after: RollbackState | null;
  startedAt: string;
  finishedAt?: string | null;
  /** weights: canary 0 / production 100; restore_config: the previous deployment's endpoint config. */
  mode?: "weights" | "restore_config";
  outcome: StoredRollbackOutcome;
  /** The AWS error of a failed rollback: its name and AWS's own message. */
  error?: { name: string; message: string } | string | null;
}

/** A failed rollback's AWS error as one line ("ThrottlingException: Rate exceeded"). */
export function rollbackErrorText(error: RollbackEvent["error"]): string {
  if (!error) return "no error message";
  return typeof error === "string" ? error : `${error.name}: ${error.message}`;
}

export interface RollbackPage {
  items: RollbackEvent[];
  nextCursor: string | null;
}

/** The Rollbacks page's filters as its URL holds them (?endpoint=&trigger=&outcome=). */
export interface RollbackSearch {
  endpoint?: string;
  trigger?: RollbackTrigger;
  outcome?: RollbackOutcome;
}

const oneOf = <T extends string>(list: readonly T[], value: string | undefined): T | undefined =>
  value && (list as readonly string[]).includes(value) ? (value as T) : undefined;

/** Reads the filters from URL search params, dropping anything malformed (a URL is user input). */
export function rollbackSearchFromParams(params: Record<string, string | string[] | undefined> | URLSearchParams): RollbackSearch {
  const get = (name: string) => {
    const value = params instanceof URLSearchParams ? params.get(name) : params[name];
    const text = Array.isArray(value) ? value[0] : value;
    return text?.trim() ? text.trim().slice(0, 200) : undefined;
  };
  return {
    endpoint: get("endpoint"),
    trigger: oneOf(ROLLBACK_TRIGGERS, get("trigger")),
    outcome: oneOf(ROLLBACK_OUTCOMES, get("outcome")),
  };
}

export function rollbackSearchToParams(search: RollbackSearch): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(search)) if (typeof value === "string" && value) params.set(name, value);
  return params;
}

export const rollbackKeys = {
  all: ["rollbacks"] as const,
  list: (search: RollbackSearch) => ["rollbacks", "list", rollbackSearchToParams(search).toString()] as const,
  event: (id: string) => ["rollbacks", "event", id] as const,
};

export const rollbacksQueryOptions = (search: RollbackSearch) =>
  infiniteQueryOptions({
    queryKey: rollbackKeys.list(search),
    queryFn: ({ pageParam }) => {
      const params = rollbackSearchToParams(search);
      if (pageParam) params.set("cursor", pageParam);
      const query = params.toString();
      return apiFetch<RollbackPage>(`/api/rollbacks${query ? `?${query}` : ""}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // An alarm may roll back at any moment: the history refreshes while it is open.
    refetchInterval: 15_000,
    placeholderData: (previous) => previous,
  });

export const rollbackQueryOptions = (id: string) =>
  queryOptions({
    queryKey: rollbackKeys.event(id),
    queryFn: () => apiFetch<RollbackEvent>(`/api/rollbacks/${encodeURIComponent(id)}`),
  });
