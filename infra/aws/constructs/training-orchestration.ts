import { Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as kms from "aws-cdk-lib/aws-kms";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import * as logs from "aws-cdk-lib/aws-logs";
import * as pipes from "aws-cdk-lib/aws-pipes";
import * as sfn from "aws-cdk-lib/aws-stepfunctions";
import * as tasks from "aws-cdk-lib/aws-stepfunctions-tasks";
import { Construct } from "constructs";
import type { TenantDefinition } from "@/infra/tenants";
import { TRAINING_JOB_SK_PREFIX } from "@/lib/db/keys";
import { trainingObjects } from "./console-permissions";
import { FUNCTION_ACTIONS } from "./function-actions";
import { LibFunction } from "./lib-function";
import { acknowledgeStepFunctionsRole } from "./nag";
import { ScopedPolicy, type DataPlane } from "./scoped-policy";

/** lib/training/handlers.ts: the four steps, each advancing the job record by one stage. */
export const TRAINING_HANDLERS = "lib/training/handlers.ts";
export const TRAINING_STEPS = ["prepareHandler", "startHandler", "checkHandler", "registerHandler"] as const;

export interface TrainingOrchestrationProps {
  readonly tenants: readonly TenantDefinition[];
  readonly opsKey: kms.IKey;
  readonly data: DataPlane;
  /** The table's stream (NEW_IMAGE): an inserted training-job record starts an execution. */
  readonly tableStreamArn: string;
  readonly environment: Record<string, string>;
  /** The tenants' SageMaker execution roles, which CreateTrainingJob passes. */
  readonly executionRoles: readonly iam.IRole[];
}

/**
 * Retraining on AWS ([11/12]) as a Step Functions state machine over lib/training's step handlers,
 * the functions the console's local runner calls: Prepare → Start (CreateTrainingJob) → Wait →
 * Check (DescribeTrainingJob) until the job ends → Register (CreateModelPackage, PendingManualApproval).
 * Each step returns the job's `stage`, and a Choice dispatches on it, so a step another runner holds
 * (it returns the stage unchanged) is simply tried again after a pause. The console records the job
 * (launchTrainingJob); the record's insert reaches the state machine through the table's stream
 * and an EventBridge Pipe, so the console needs no Step Functions client.
 */
export class TrainingOrchestration extends Construct {
  readonly stateMachine: sfn.StateMachine;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: TrainingOrchestrationProps) {
    super(scope, id);
    this.role = new iam.Role(this, "StepsRole", {
      assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com"),
      description: "lib/training's step handlers (training-orchestration.ts)",
    });
    new ScopedPolicy(this, "StepsPermissions", {
      role: this.role,
      who: "The training steps' Lambdas",
      actions: [...FUNCTION_ACTIONS.training, "sagemaker:AddTags", "iam:PassRole"],
      tenants: props.tenants,
      data: props.data,
      passRoles: props.executionRoles,
      writeObjects: trainingObjects(props.tenants),
    });
    const functions: lambda.IFunction[] = [];
    const step = (name: (typeof TRAINING_STEPS)[number], timeout: Duration) => {
      const fn = new LibFunction(this, name, {
        entry: TRAINING_HANDLERS,
        handler: name,
        role: this.role,
        description: `Retraining step ${name} (lib/training/handlers.ts)`,
        environment: props.environment,
        opsKey: props.opsKey,
        timeout,
        memorySize: 1024,
      }).function;
      functions.push(fn);
      return fn;
    };
    const invoke = (name: (typeof TRAINING_STEPS)[number], timeout: Duration) =>
      new tasks.LambdaInvoke(this, name.replace("Handler", ""), {
        lambdaFunction: step(name, timeout),
        payload: sfn.TaskInput.fromObject({ tenantId: sfn.JsonPath.stringAt("$.tenantId"), jobName: sfn.JsonPath.stringAt("$.jobName") }),
        payloadResponseOnly: true,
      });

    const done = new sfn.Succeed(this, "Done");
    const dispatch = new sfn.Choice(this, "Stage");
    const pause = new sfn.Wait(this, "Pause", { time: sfn.WaitTime.duration(Duration.seconds(10)) }).next(dispatch);
    const check = invoke("checkHandler", Duration.minutes(1)).next(dispatch);
    const waitForTraining = new sfn.Wait(this, "WaitForTraining", { time: sfn.WaitTime.duration(Duration.seconds(30)) }).next(check);
    const stage = (value: string) => sfn.Condition.stringEquals("$.stage", value);
    dispatch
      .when(stage("prepare"), invoke("prepareHandler", Duration.minutes(10)).next(pause))
      .when(stage("start"), invoke("startHandler", Duration.minutes(1)).next(pause))
      .when(stage("train"), waitForTraining)
      .when(stage("register"), invoke("registerHandler", Duration.minutes(5)).next(pause))
      .otherwise(done);

    const logGroup = new logs.LogGroup(this, "Logs", {
      retention: logs.RetentionDays.ONE_MONTH,
      encryptionKey: props.opsKey,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new sfn.StateMachine(this, "StateMachine", {
      comment: "Retraining: prepare data → train → evaluate (in the job) → register (lib/training)",
      // The job's record names its stage; the first dispatch runs the step it is at.
      definitionBody: sfn.DefinitionBody.fromChainable(
        new sfn.Pass(this, "Begin", { parameters: { "tenantId.$": "$.tenantId", "jobName.$": "$.jobName", stage: "prepare" } }).next(
          dispatch,
        ),
      ),
      timeout: Duration.hours(12),
      tracingEnabled: true,
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });
    acknowledgeStepFunctionsRole(this.stateMachine, functions);

    // The console's insert of a training-job record (lib/training/training-store.ts) starts an execution.
    const pipeRole = new iam.Role(this, "TriggerRole", { assumedBy: new iam.ServicePrincipal("pipes.amazonaws.com") });
    pipeRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"],
        resources: [props.tableStreamArn],
      }),
    );
    pipeRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ["kms:Decrypt"],
        resources: [props.data.dataKey.keyArn],
        conditions: { StringEquals: { "kms:ViaService": `dynamodb.${Stack.of(this).region}.amazonaws.com` } },
      }),
    );
    this.stateMachine.grantStartExecution(pipeRole);
    new pipes.CfnPipe(this, "Trigger", {
      description: "A new training-job record starts the retraining state machine",
      roleArn: pipeRole.roleArn,
      source: props.tableStreamArn,
      sourceParameters: {
        dynamoDbStreamParameters: { startingPosition: "LATEST", batchSize: 1, maximumRetryAttempts: 3 },
        filterCriteria: {
          filters: [
            {
              pattern: JSON.stringify({
                eventName: ["INSERT"],
                dynamodb: { NewImage: { SK: { S: [{ prefix: TRAINING_JOB_SK_PREFIX }] } } },
              }),
            },
          ],
        },
      },
      target: this.stateMachine.stateMachineArn,
      targetParameters: {
        stepFunctionStateMachineParameters: { invocationType: "FIRE_AND_FORGET" },
        inputTemplate: '{"tenantId": <$.dynamodb.NewImage.tenantId.S>, "jobName": <$.dynamodb.NewImage.name.S>}',
      },
    });
  }
}
