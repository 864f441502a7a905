import type { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { AppError } from "@/lib/errors/app-error";
import type { StoreDeps } from "@/lib/db/store";
import { getSettings } from "@/lib/settings/get-settings";
import type { Slo } from "@/lib/settings/tenant-settings";
import { computeErrorBudget, evaluationEnd, type BudgetInput } from "./budget-math";
import type { ErrorBudget } from "./error-budget";
import { readSloSeries } from "./read-slo-series";

export interface ErrorBudgetDeps extends StoreDeps {
  cloudWatch?: Pick<CloudWatchClient, "send">;
  namespace?: string;
  /** The tenant's SLO; read from its settings when not given. */
  slo?: Slo;
}

/**
 * The tenant's error budget now: remaining over the rolling 30 days, burn rates, the multi-window
 * alerts, the freeze (since when, until when) and the rollback threshold. Evaluated at the last full
 * 5 minutes before `now`. The promotion freeze (rollout) and the Models page both read this.
 */
export async function getErrorBudget(
  input: { tenantId: string; now?: Date; timeline?: BudgetInput["timeline"] },
  deps: ErrorBudgetDeps = {},
): Promise<ErrorBudget> {
  const endMs = evaluationEnd(input.now ?? (deps.now ?? (() => new Date()))());
  const slo = deps.slo ?? (await getSettings({ tenantId: input.tenantId }, deps)).settings.slo;
  let series;
  try {
    series = await readSloSeries({ tenantId: input.tenantId, endMs }, deps);
  } catch (error) {
    throw new AppError("unavailable", "CloudWatch did not answer; the error budget cannot be computed right now", { cause: error });
  }
  return computeErrorBudget({ tenantId: input.tenantId, slo, endMs, series, timeline: input.timeline });
}
