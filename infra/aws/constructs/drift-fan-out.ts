import { Duration, RemovalPolicy } from "aws-cdk-lib";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as kms from "aws-cdk-lib/aws-kms";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import * as logs from "aws-cdk-lib/aws-logs";
import * as sfn from "aws-cdk-lib/aws-stepfunctions";
import * as tasks from "aws-cdk-lib/aws-stepfunctions-tasks";
import { Construct } from "constructs";
import type { TenantDefinition } from "@/infra/tenants";
import { FUNCTION_ACTIONS } from "./function-actions";
import { LibFunction } from "./lib-function";
import { acknowledgeStepFunctionsRole } from "./nag";
import { ScopedPolicy, type DataPlane } from "./scoped-policy";

/** The state machine's steps: Lambda handlers over lib/drift, beside their construct. */
export const DRIFT_FAN_OUT_HANDLERS = "infra/aws/functions/drift-fan-out.ts";
export const DRIFT_STEPS = ["plan", "whole", "hour", "merge"] as const;
/** The local scheduler's drift expression (infra/local/functions/registry.ts), per tenant endpoint here. */
export const DRIFT_SCHEDULE = "rate(1 hour)";
/** Where the partials wait (functions/drift-fan-out.ts PARTIALS_PREFIX), in the capture bucket. */
export const DRIFT_PARTIALS_PREFIX = "drift-partials";

export interface DriftFanOutProps {
  readonly tenants: readonly TenantDefinition[];
  readonly opsKey: kms.IKey;
  readonly data: DataPlane;
  readonly environment: Record<string, string>;
  /** A trailing day with more capture than this fans out per hour. */
  readonly fanOutAboveBytes: number;
}

/**
 * Drift on AWS: every hour EventBridge starts one execution per tenant endpoint; Plan sizes the
 * trailing day's capture; a small day runs Whole (runAndRecordDrift, as the local scheduler and the
 * "Run now" button run it), a large one maps its 24 hours in parallel (Hour: one partial each,
 * bounded memory) and Merge adds them (mergePartials) and records the run.
 */
export class DriftFanOut extends Construct {
  readonly stateMachine: sfn.StateMachine;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: DriftFanOutProps) {
    super(scope, id);
    this.role = new iam.Role(this, "StepsRole", {
      assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com"),
      description: "The drift state machine's steps (functions/drift-fan-out.ts)",
    });
    new ScopedPolicy(this, "StepsPermissions", {
      role: this.role,
      who: "The drift steps' Lambdas",
      actions: FUNCTION_ACTIONS.driftFanOut,
      tenants: props.tenants,
      data: props.data,
      writeObjects: [
        {
          bucket: "capture",
          pattern: `${DRIFT_PARTIALS_PREFIX}/*`,
          why: "each hour's drift partial waits there for the merge, named <tenant>/<run>/<hour>.json.",
        },
      ],
    });
    const functions: lambda.IFunction[] = [];
    const step = (name: (typeof DRIFT_STEPS)[number], payload: sfn.TaskInput, resultPath: string | undefined, timeout: Duration) => {
      const fn = new LibFunction(this, name, {
        entry: DRIFT_FAN_OUT_HANDLERS,
        handler: name,
        role: this.role,
        description: `Drift step ${name} (infra/aws/functions/drift-fan-out.ts over lib/drift)`,
        environment: props.environment,
        opsKey: props.opsKey,
        timeout,
        memorySize: 1769, // one full vCPU: the steps stream and bin capture
      }).function;
      functions.push(fn);
      return new tasks.LambdaInvoke(this, `${name[0]!.toUpperCase()}${name.slice(1)}`, {
        lambdaFunction: fn,
        payload,
        payloadResponseOnly: true,
        resultPath,
      });
    };
    const plan = step("plan", sfn.TaskInput.fromJsonPathAt("$"), "$.plan", Duration.minutes(2));
    const whole = step("whole", sfn.TaskInput.fromJsonPathAt("$.plan"), "$.run", Duration.minutes(15));
    const hours = new sfn.Map(this, "Hours", {
      itemsPath: "$.plan.hours",
      itemSelector: { "plan.$": "$.plan", "hour.$": "$$.Map.Item.Value" },
      maxConcurrency: 8,
      resultPath: "$.partials",
    });
    hours.itemProcessor(step("hour", sfn.TaskInput.fromJsonPathAt("$"), undefined, Duration.minutes(15)));
    const merge = step(
      "merge",
      sfn.TaskInput.fromObject({ plan: sfn.JsonPath.objectAt("$.plan"), partials: sfn.JsonPath.objectAt("$.partials") }),
      "$.run",
      Duration.minutes(5),
    );
    const definition = plan.next(
      new sfn.Choice(this, "Mode").when(sfn.Condition.stringEquals("$.plan.mode", "fan-out"), hours.next(merge)).otherwise(whole),
    );

    const logGroup = new logs.LogGroup(this, "Logs", {
      retention: logs.RetentionDays.ONE_MONTH,
      encryptionKey: props.opsKey,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new sfn.StateMachine(this, "StateMachine", {
      comment: "Hourly drift of a tenant endpoint over the trailing day: whole, or per hour and merged (lib/drift)",
      definitionBody: sfn.DefinitionBody.fromChainable(definition),
      timeout: Duration.hours(1),
      tracingEnabled: true,
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });
    acknowledgeStepFunctionsRole(this.stateMachine, functions);

    for (const tenant of props.tenants) {
      new events.Rule(this, `Hourly-${tenant.tenantId}`, {
        description: `Drift of ${tenant.endpointName} over the trailing day ending at the hour`,
        schedule: events.Schedule.expression(DRIFT_SCHEDULE),
        targets: [
          new targets.SfnStateMachine(this.stateMachine, {
            input: events.RuleTargetInput.fromObject({
              tenantId: tenant.tenantId,
              endpointName: tenant.endpointName,
              time: events.EventField.time,
              fanOutAboveBytes: props.fanOutAboveBytes,
            }),
            retryAttempts: 2,
            maxEventAge: Duration.hours(1),
          }),
        ],
      });
    }
  }
}
