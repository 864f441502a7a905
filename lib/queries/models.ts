import { queryOptions } from "@tanstack/react-query";
import type { ErrorBudget } from "@/lib/error-budget/error-budget";
import type { ModelsOverview, ModelVersionView } from "@/lib/models/get-models-overview";
import type { ApprovalRequest } from "@/lib/promotion/approval-request";
import { apiFetch } from "./api-fetch";
import { ENDPOINT_POLL_MS, TRANSITIONAL_STATUSES } from "./endpoints";

/** The promotion screen (GET /api/models, POST /api/models/{version}/approval) and the error budget. */
export const modelsKeys = { all: ["models"] as const, errorBudget: ["error-budget"] as const };

export const modelsQueryOptions = () =>
  queryOptions({
    queryKey: modelsKeys.all,
    queryFn: () => apiFetch<ModelsOverview>("/api/models"),
    // A shadow, canary or promotion moves the endpoint: follow it until SageMaker says InService.
    refetchInterval: (query) => (TRANSITIONAL_STATUSES.has(query.state.data?.endpointStatus ?? "") ? ENDPOINT_POLL_MS : false),
  });

/** The budget is evaluated on 5-minute steps; a minute's refresh shows a new step soon after it closes. */
export const errorBudgetQueryOptions = () =>
  queryOptions({
    queryKey: modelsKeys.errorBudget,
    queryFn: () => apiFetch<ErrorBudget>("/api/error-budget"),
    refetchInterval: 60_000,
  });

export function postApproval(version: number, body: ApprovalRequest): Promise<{ version: ModelVersionView }> {
  return apiFetch(`/api/models/${version}/approval`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}
