import { Duration } from "aws-cdk-lib";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import type * as kms from "aws-cdk-lib/aws-kms";
import { Construct } from "constructs";
import type { TenantDefinition } from "@/infra/tenants";
import { FUNCTION_ACTIONS } from "./function-actions";
import { LibFunction } from "./lib-function";
import { ScopedPolicy, type DataPlane } from "./scoped-policy";

/** The module the scheduled Lambda runs: the one infra/local/functions/registry.ts schedules locally. */
export const ERROR_BUDGET_HANDLER = "lib/error-budget/publish-error-budget.ts";
/** The local scheduler's expression (registry.ts SCHEDULES), as EventBridge reads it. */
export const ERROR_BUDGET_SCHEDULE = "rate(1 minute)";

export interface ScheduledJobsProps {
  readonly tenants: readonly TenantDefinition[];
  readonly opsKey: kms.IKey;
  readonly data: DataPlane;
  readonly environment: Record<string, string>;
}

/**
 * The error-budget publisher, the lib/ handler the local scheduler runs every minute: each tenant's
 * share of its budget burned, which the error-budget rollback alarm watches. (Drift has its own
 * state machine, drift-fan-out.ts.)
 */
export class ScheduledJobs extends Construct {
  readonly errorBudget: LibFunction;

  constructor(scope: Construct, id: string, props: ScheduledJobsProps) {
    super(scope, id);
    const common = { opsKey: props.opsKey, environment: props.environment };
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

    new events.Rule(this, "ErrorBudgetEveryMinute", {
      description: "Each tenant's share of its error budget burned",
      schedule: events.Schedule.expression(ERROR_BUDGET_SCHEDULE),
      // A missed minute is superseded by the next one: no retries.
      targets: [new targets.LambdaFunction(this.errorBudget.function, { retryAttempts: 0, maxEventAge: Duration.minutes(1) })],
    });
  }
}
