import { Duration } from "aws-cdk-lib";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import type * as kms from "aws-cdk-lib/aws-kms";
import { Construct } from "constructs";
import type { TenantDefinition } from "@/infra/tenants";
import { FUNCTION_ACTIONS } from "./function-actions";
import { LibFunction } from "./lib-function";
import { ScopedPolicy, type DataPlane } from "./scoped-policy";

/** The modules the scheduled Lambdas run: those infra/local/functions/registry.ts schedules locally. */
export const DRIFT_HANDLER = "lib/drift/drift-handler.ts";
export const ERROR_BUDGET_HANDLER = "lib/error-budget/publish-error-budget.ts";
/** The local scheduler's expressions (registry.ts SCHEDULES), as EventBridge reads them. */
export const DRIFT_SCHEDULE = "rate(1 hour)";
export const ERROR_BUDGET_SCHEDULE = "rate(1 minute)";

export interface ScheduledJobsProps {
  readonly tenants: readonly TenantDefinition[];
  readonly opsKey: kms.IKey;
  readonly data: DataPlane;
  readonly environment: Record<string, string>;
}

/**
 * The jobs EventBridge runs on a schedule, each the lib/ handler the local scheduler runs: drift
 * every hour (every tenant endpoint over the trailing day, lib/drift/drift-handler.ts) and each
 * tenant's error-budget share every minute (the error-budget rollback alarm watches it).
 */
export class ScheduledJobs extends Construct {
  readonly drift: LibFunction;
  readonly errorBudget: LibFunction;

  constructor(scope: Construct, id: string, props: ScheduledJobsProps) {
    super(scope, id);
    const common = { opsKey: props.opsKey, environment: props.environment };
    this.drift = new LibFunction(this, "Drift", {
      ...common,
      entry: DRIFT_HANDLER,
      description: "Hourly drift of every tenant endpoint over the trailing day (lib/drift/drift-handler.ts)",
      // A day of capture per endpoint, streamed; the per-hour fan-out (drift-fan-out.ts) takes larger windows.
      timeout: Duration.minutes(15),
      memorySize: 1769, // one full vCPU
      // Runs are named by their hour, so an overlapping tick would only redo the same runs.
      reservedConcurrentExecutions: 1,
    });
    new ScopedPolicy(this, "DriftPermissions", {
      role: this.drift.role,
      who: "The drift Lambda",
      actions: FUNCTION_ACTIONS.drift,
      tenants: props.tenants,
      data: props.data,
    });
    this.errorBudget = new LibFunction(this, "ErrorBudget", {
      ...common,
      entry: ERROR_BUDGET_HANDLER,
      description: "Publishes each tenant's error-budget share every minute (lib/error-budget/publish-error-budget.ts)",
      timeout: Duration.seconds(50),
      reservedConcurrentExecutions: 1,
    });
    new ScopedPolicy(this, "ErrorBudgetPermissions", {
      role: this.errorBudget.role,
      who: "The error-budget publisher",
      actions: FUNCTION_ACTIONS.errorBudget,
      tenants: props.tenants,
      data: props.data,
    });

    new events.Rule(this, "DriftHourly", {
      description: "Drift of every tenant endpoint over the trailing day ending at the hour",
      schedule: events.Schedule.expression(DRIFT_SCHEDULE),
      targets: [new targets.LambdaFunction(this.drift.function, { retryAttempts: 2, maxEventAge: Duration.hours(1) })],
    });
    new events.Rule(this, "ErrorBudgetEveryMinute", {
      description: "Each tenant's share of its error budget burned",
      schedule: events.Schedule.expression(ERROR_BUDGET_SCHEDULE),
      // A missed minute is superseded by the next one: no retries.
      targets: [new targets.LambdaFunction(this.errorBudget.function, { retryAttempts: 0, maxEventAge: Duration.minutes(1) })],
    });
  }
}
