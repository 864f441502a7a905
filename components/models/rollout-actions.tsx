"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ModelsOverview, ModelVersionView } from "@/lib/models/get-models-overview";
import type { PromotionCheck } from "@/lib/promotion/check-promotion";
import type { VersionAction } from "@/lib/promotion/version-actions";
import { auditKeys } from "@/lib/queries/audit";
import { endpointKeys } from "@/lib/queries/endpoints";
import { modelsKeys } from "@/lib/queries/models";
import {
  backtestsQueryOptions,
  postBacktest,
  postDeploy,
  postPromote,
  promotionCheckQueryOptions,
  promotionKeys,
} from "@/lib/queries/promotion";
import { RolloutDialog, type RolloutRequest, type RolloutStep } from "./rollout-dialog";
import { VersionActionButton } from "./version-action-button";

const DAY_MS = 86_400_000;
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const ms = (x: number | null) => (x === null ? "—" : `${x.toFixed(1)} ms`);

/** The promotion check as the button's reason: every blocker, or what the canary was judged on. */
function promoteFromCheck(check: PromotionCheck): VersionAction {
  const { canary, production } = check.health;
  if (!check.allowed) return { allowed: false, reason: check.blockers.map((b) => b.message).join(" ") };
  return {
    allowed: true,
    reason: `Ready: the canary served ${canary.requests} requests in the last hour (at least ${check.guardrails.minCanaryRequests}), 5xx ${pct(canary.requests ? canary.errors5xx / canary.requests : 0)} vs production's ${pct(production.requests ? production.errors5xx / production.requests : 0)}, p95 ${ms(canary.p95LatencyMs)} vs ${ms(production.p95LatencyMs)}; the budget is not frozen.`,
  };
}

/**
 * A version's rollout actions on the Models page — deploy as shadow, deploy as canary at a chosen
 * weight, promote the canary to 100%, replay the last N days — each with why it is enabled or
 * blocked. The version's own actions come from GET /api/models; the promotion's guardrails and
 * budget freeze from the server's promotion check, and "one backtest at a time" from the list.
 */
export function RolloutActions({ version: v, overview }: { version: ModelVersionView; overview: ModelsOverview }) {
  const queryClient = useQueryClient();
  const [step, setStep] = useState<RolloutStep | null>(null);
  const variant = v.actions.promote.variant;
  const check = useQuery({ ...promotionCheckQueryOptions(overview.endpointName, variant ?? ""), enabled: variant !== null });
  const backtests = useQuery(backtestsQueryOptions());
  const running = backtests.data?.items.find((b) => b.status === "running");

  const promote: VersionAction = !v.actions.promote.allowed
    ? v.actions.promote
    : check.data
      ? promoteFromCheck(check.data)
      : check.error
        ? { allowed: false, reason: `The promotion check could not run: ${check.error.message}` }
        : { allowed: false, reason: "Checking the error budget and the canary's last hour…" };
  const backtest: VersionAction = running
    ? {
        allowed: false,
        reason: `One backtest at a time: v${running.version}'s is running (${Math.round(running.progress.fraction * 100)}%).`,
      }
    : v.actions.backtest;

  const run = useMutation({
    mutationFn: async ({ step, request }: { step: RolloutStep; request: RolloutRequest }) => {
      const reason = request.reason || undefined;
      switch (step.kind) {
        case "shadow":
          return postDeploy(v.version, { endpoint: overview.endpointName, mode: "shadow", reason });
        case "canary":
          return postDeploy(v.version, { endpoint: overview.endpointName, mode: "canary", weight: request.amount, reason });
        case "promote":
          return postPromote(overview.endpointName, { variant: step.variant, reason: request.reason });
        case "backtest": {
          const to = new Date();
          return postBacktest(v.version, { from: new Date(to.getTime() - request.amount * DAY_MS).toISOString(), to: to.toISOString() });
        }
      }
    },
    onSuccess: async () => {
      setStep(null);
      await Promise.all(
        [modelsKeys.all, endpointKeys.all, auditKeys.all, ["promotion"]].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: promotionKeys.backtests }),
  });
  const open = (next: RolloutStep) => {
    run.reset();
    setStep(next);
  };
  const production = overview.productionVersion === null ? "production" : `production (v${overview.productionVersion})`;
  const explanation: Record<RolloutStep["kind"], string> = {
    shadow: `v${v.version} gets a copy of every request ${production} answers, through a new endpoint config; its answers are captured for the comparison and never returned to callers.`,
    canary: `A new endpoint config adds v${v.version} as the canary on this share of live traffic; ${production} keeps the rest. Roll back from the Endpoints page.`,
    promote: `Production will serve v${v.version} alone (the old variant retired in a new config; the previous config is kept, so a rollback restores it). The server checks the error budget and the canary's last hour again.`,
    backtest: `The tenant's captured traffic of the window is scored through v${v.version} on a temporary endpoint and compared with what production decided. One backtest runs at a time; it can be cancelled.`,
  };
  return (
    <>
      <VersionActionButton label={`Deploy v${v.version} as shadow`} action={v.actions.shadow} onClick={() => open({ kind: "shadow" })} />
      <VersionActionButton label={`Deploy v${v.version} as canary`} action={v.actions.canary} onClick={() => open({ kind: "canary" })} />
      {variant !== null && (
        <VersionActionButton
          label={`Promote v${v.version} to 100%`}
          tone="primary"
          action={promote}
          onClick={() => open({ kind: "promote", variant })}
        />
      )}
      <VersionActionButton label={`Backtest v${v.version}`} action={backtest} onClick={() => open({ kind: "backtest" })} />
      {step && (
        <RolloutDialog
          version={v.version}
          step={step}
          explanation={explanation[step.kind]}
          isPending={run.isPending}
          error={run.error}
          onCancel={() => setStep(null)}
          onConfirm={(request) => run.mutate({ step, request })}
        />
      )}
    </>
  );
}
