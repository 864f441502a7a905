import { PutMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { cloudWatchClient } from "@/lib/aws/clients";
import { env } from "@/lib/env";
import { listTenants } from "@/lib/tenants/list-tenants";
import type { ErrorBudget } from "./error-budget";
import { getErrorBudget, type ErrorBudgetDeps } from "./get-error-budget";

/**
 * Publishes each tenant's share of the 30-day budget burned (ErrorBudgetBurned, percent, dimension
 * TenantId) and of it within 7 days (ErrorBudgetBurnedLast7d): the error-budget alarm
 * (lib/deployments/alarm-definitions.ts, ≥ 80 %) watches the first and rolls the canary back through
 * the rollback handler, the same path as the canary's 5xx and latency alarms. Scheduled every minute
 * (infra/local/functions/registry.ts; an EventBridge rule in the CDK app).
 *
 * Nothing is published while the 30 days hold fewer than 1 / (1 − SLO) requests (1,000 at 99.9%):
 * such a budget allows less than one bad request, so a single degraded answer would read as the
 * whole budget burned and roll a canary back on a handful of requests.
 */
export async function publishErrorBudget(input: { tenantId: string; now?: Date }, deps: ErrorBudgetDeps = {}): Promise<ErrorBudget> {
  const budget = await getErrorBudget(input, deps);
  if (budget.requests < 1 / (1 - budget.slo.availabilityTarget)) return budget;
  const Timestamp = new Date(budget.window.to);
  const Dimensions = [{ Name: "TenantId", Value: input.tenantId }];
  await (deps.cloudWatch ?? cloudWatchClient()).send(
    new PutMetricDataCommand({
      Namespace: deps.namespace ?? env().METRICS_NAMESPACE,
      MetricData: [
        { MetricName: "ErrorBudgetBurned", Dimensions, Timestamp, Value: budget.consumed * 100, Unit: "Percent" },
        { MetricName: "ErrorBudgetBurnedLast7d", Dimensions, Timestamp, Value: budget.burnedLast7d * 100, Unit: "Percent" },
      ],
    }),
  );
  return budget;
}

/** The scheduled handler: every tenant, one after the other (a failure of one does not stop the others). */
export async function publishAllErrorBudgets(deps: ErrorBudgetDeps = {}): Promise<Record<string, number | string>> {
  const results: Record<string, number | string> = {};
  for (const tenant of await listTenants(deps)) {
    try {
      results[tenant.tenantId] = (await publishErrorBudget({ tenantId: tenant.tenantId }, deps)).consumed;
    } catch (error) {
      results[tenant.tenantId] = `failed: ${(error as Error).message}`;
    }
  }
  return results;
}

export const handler = (_event?: unknown) => publishAllErrorBudgets();
