import { GetMetricDataCommand, type CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { cloudWatchClient } from "@/lib/aws/clients";
import type { BudgetPoint, ErrorBudget } from "@/lib/error-budget/error-budget";
import { getErrorBudget } from "@/lib/error-budget/get-error-budget";
import type { PanelContext } from "../panel-context";
import { STEP_SECONDS } from "@/lib/error-budget/policy";

export type BudgetPanel = Pick<
  ErrorBudget,
  | "slo"
  | "window"
  | "requests"
  | "bad"
  | "allowedBad"
  | "remaining"
  | "burnedLast7d"
  | "burnRates"
  | "latency"
  | "frozen"
  | "frozenSince"
  | "frozenUntil"
  | "rollbackDue"
  | "thresholds"
> & {
  /** The multi-window alerts firing now (the SRE workbook's pairs). */
  firing: ErrorBudget["alerts"];
  /** The budget's 5-minute timeline, clipped to the dashboard's range. */
  timeline: BudgetPoint[];
};

/**
 * The error budget as promotion reads it (lib/error-budget: the rolling 30 days, burn rates, the
 * freeze and rollback thresholds), with its timeline over the dashboard's range. Its one
 * GetMetricData (and pages) goes through a counting client so the route reports its calls.
 */
export async function budgetPanel(ctx: PanelContext): Promise<BudgetPanel> {
  const client = ctx.deps.cloudWatch ?? cloudWatchClient();
  const cloudWatch: Pick<CloudWatchClient, "send"> = {
    send: ((command: Parameters<CloudWatchClient["send"]>[0]) => {
      if (command instanceof GetMetricDataCommand) ctx.deps.onMetricCalls?.(1);
      return client.send(command);
    }) as CloudWatchClient["send"],
  };
  // Each point is a 30-day state, at the dashboard's step (five minutes at the finest) over its range.
  const stepSeconds = Math.max(STEP_SECONDS, Math.ceil(ctx.range.step / STEP_SECONDS) * STEP_SECONDS);
  const budget = await getErrorBudget(
    { tenantId: ctx.tenantId, now: new Date(ctx.now), timeline: { fromMs: ctx.range.from, stepSeconds } },
    { ...ctx.deps, cloudWatch, namespace: ctx.namespace },
  );
  const { alerts, timeline, tenantId: _tenant, consumed: _consumed, ...figures } = budget;
  return { ...figures, firing: alerts.filter((a) => a.firing), timeline: timeline.filter((p) => Date.parse(p.at) <= ctx.range.to) };
}
