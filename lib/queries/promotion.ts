import { queryOptions } from "@tanstack/react-query";
import type { DeploymentRecord } from "@/lib/deployments/deployment-record";
import type { Backtest } from "@/lib/promotion/backtest/backtest-record";
import type { PromotionCheck } from "@/lib/promotion/check-promotion";
import type { ShadowComparisonView } from "@/lib/promotion/shadow-window";
import { apiFetch } from "./api-fetch";

/**
 * The promotion steps on the Models page: the shadow's comparison (filling from live traffic), the
 * canary's promotion check, backtests, and the mutations (deploy, promote, start/cancel a backtest).
 */
export const promotionKeys = {
  comparison: (version: number) => ["promotion", "comparison", version] as const,
  check: (endpoint: string, variant: string) => ["promotion", "check", endpoint, variant] as const,
  backtests: ["promotion", "backtests"] as const,
  backtest: (id: string) => ["promotion", "backtests", id] as const,
};

/** Capture lands every few seconds (the emulator flushes every 5 s; SageMaker within minutes): refresh at that pace. */
export const COMPARISON_REFRESH_MS = 5_000;
/** Endpoint metrics reach CloudWatch in about a minute on AWS (10 s locally): the check follows. */
export const PROMOTION_CHECK_REFRESH_MS = 5_000;
/** A running backtest writes its progress about once a second. */
export const BACKTEST_POLL_MS = 1_500;

export const shadowComparisonQueryOptions = (version: number) =>
  queryOptions({
    queryKey: promotionKeys.comparison(version),
    queryFn: () => apiFetch<ShadowComparisonView>(`/api/models/${version}/comparison`),
    refetchInterval: (query) => (query.state.status === "error" ? false : COMPARISON_REFRESH_MS),
  });

export const promotionCheckQueryOptions = (endpoint: string, variant: string) =>
  queryOptions({
    queryKey: promotionKeys.check(endpoint, variant),
    queryFn: () =>
      apiFetch<PromotionCheck>(`/api/endpoints/${encodeURIComponent(endpoint)}/promote?variant=${encodeURIComponent(variant)}`),
    refetchInterval: (query) => (query.state.status === "error" ? false : PROMOTION_CHECK_REFRESH_MS),
  });

const isRunning = (b: Pick<Backtest, "status"> | undefined) => b?.status === "running";

/** The tenant's recent backtests; polled while one runs, then left alone. */
export const backtestsQueryOptions = () =>
  queryOptions({
    queryKey: promotionKeys.backtests,
    queryFn: () => apiFetch<{ items: Backtest[] }>("/api/backtests"),
    refetchInterval: (query) => (query.state.data?.items.some(isRunning) ? BACKTEST_POLL_MS : false),
  });

/** One backtest with its (running) comparison; polling stops once it has ended. */
export const backtestQueryOptions = (id: string) =>
  queryOptions({
    queryKey: promotionKeys.backtest(id),
    queryFn: () => apiFetch<Backtest>(`/api/backtests/${encodeURIComponent(id)}`),
    refetchInterval: (query) => (query.state.status === "error" || !isRunning(query.state.data) ? false : BACKTEST_POLL_MS),
  });

const json = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

export function postDeploy(
  version: number,
  body: { endpoint: string; mode: "shadow" | "canary"; weight?: number; reason?: string },
): Promise<{ deployment: DeploymentRecord }> {
  return apiFetch(`/api/models/${version}/deploy`, json(body));
}

export function postPromote(endpoint: string, body: { variant: string; reason: string }): Promise<{ deployment: DeploymentRecord }> {
  return apiFetch(`/api/endpoints/${encodeURIComponent(endpoint)}/promote`, json(body));
}

export function postBacktest(version: number, body: { from: string; to: string }): Promise<{ id: string; backtest: Backtest }> {
  return apiFetch(`/api/models/${version}/backtest`, json(body));
}

export function postCancelBacktest(id: string): Promise<Backtest> {
  return apiFetch(`/api/backtests/${encodeURIComponent(id)}/cancel`, { method: "POST" });
}
