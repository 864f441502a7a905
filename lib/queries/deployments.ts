import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { EndpointDetail } from "@/lib/deployments/get-endpoint-detail";
import type { RollbackPage } from "@/lib/deployments/list-rollbacks";
import type { RollbackEvent, RollbackOutcome, RollbackTrigger } from "@/lib/deployments/rollback-event";
import type { MaskedWebhooks } from "@/lib/notifications/webhook-settings";
import type { TestMessageResult } from "@/lib/notifications/send-test-message";
import { ApiError } from "./api-error";
import { apiFetch } from "./api-fetch";

/**
 * React Query factories for deployments (GET /api/endpoints/{name}, weights, rollback, the rollback
 * history) and the notification webhooks, shared by server prefetches and client components.
 */
export const deploymentKeys = {
  endpoint: (name: string) => ["endpoints", name] as const,
  rollbacks: (filters: RollbackSearch = {}) => ["rollbacks", "list", filters] as const,
  rollbacksAll: ["rollbacks"] as const,
  rollback: (id: string) => ["rollbacks", "one", id] as const,
  webhooks: ["settings", "notifications"] as const,
};

const path = (name: string) => `/api/endpoints/${encodeURIComponent(name)}`;
const isSettled = (status: string | undefined) => status === "InService" || status === "Failed";

/**
 * The endpoint's live view. Polls every 2 s while it is Creating or Updating (or while a variant's
 * weight is still moving), and stops by itself once InService or Failed, or on an error (STYLE.md #12).
 */
export const endpointQueryOptions = (name: string) =>
  queryOptions({
    queryKey: deploymentKeys.endpoint(name),
    queryFn: () => apiFetch<EndpointDetail>(path(name)),
    refetchInterval: (query) => {
      if (query.state.status === "error") return false;
      const data = query.state.data;
      if (!data) return false;
      const moving = data.variants.some((v) => v.desiredWeight !== null && v.desiredWeight !== v.currentWeight);
      return isSettled(data.status) && !moving ? false : 2_000;
    },
  });

export interface SetWeightsBody {
  weights: Record<string, number>;
  reason: string;
  /** deployment.version from the endpoint query: a change in between answers 409 (who and when in details). */
  expectedVersion: number;
}

export function putWeights(name: string, body: SetWeightsBody): Promise<EndpointDetail> {
  return apiFetch<EndpointDetail>(`${path(name)}/weights`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

/**
 * POST /api/endpoints/{name}/rollback. Resolves with the event for `succeeded` and
 * `already_rolled_back`; a failed rollback (503) also resolves with its event (outcome `failed`,
 * the AWS error in event.error), so the dialog shows it; other errors reject as ApiError.
 */
export async function postRollback(name: string, body: { reason: string }): Promise<RollbackEvent> {
  try {
    const { event } = await apiFetch<{ event: RollbackEvent }>(`${path(name)}/rollback`, {
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

export interface RollbackSearch {
  endpoint?: string;
  trigger?: RollbackTrigger;
  outcome?: RollbackOutcome;
  from?: string;
  to?: string;
}

export const ROLLBACKS_PAGE_SIZE = 25;

export const rollbacksInfiniteQueryOptions = (filters: RollbackSearch = {}) =>
  infiniteQueryOptions({
    queryKey: deploymentKeys.rollbacks(filters),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(ROLLBACKS_PAGE_SIZE) });
      for (const [key, value] of Object.entries(filters)) if (typeof value === "string" && value) params.set(key, value);
      if (pageParam) params.set("cursor", pageParam);
      return apiFetch<RollbackPage>(`/api/rollbacks?${params.toString()}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

export const rollbackQueryOptions = (id: string) =>
  queryOptions({
    queryKey: deploymentKeys.rollback(id),
    queryFn: async () => (await apiFetch<{ event: RollbackEvent }>(`/api/rollbacks/${encodeURIComponent(id)}`)).event,
  });

export const webhooksQueryOptions = () =>
  queryOptions({ queryKey: deploymentKeys.webhooks, queryFn: () => apiFetch<MaskedWebhooks>("/api/settings/notifications") });

export interface SaveWebhooksBody {
  /** Omitted: unchanged; null: removed. */
  slackWebhookUrl?: string | null;
  teamsWebhookUrl?: string | null;
  reason?: string;
}

export function putWebhooks(body: SaveWebhooksBody): Promise<MaskedWebhooks> {
  return apiFetch<MaskedWebhooks>("/api/settings/notifications", {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

export function postTestMessage(): Promise<TestMessageResult> {
  return apiFetch<TestMessageResult>("/api/settings/notifications/test", { method: "POST" });
}
