import type { Template } from "aws-cdk-lib/assertions";
import { Match } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { endpointAlarms } from "@/lib/deployments/alarm-definitions";
import { DECISIONS } from "@/lib/metrics/decision-metrics";
import { SCHEDULES } from "@/infra/local/functions/registry";
import { defaultConfig } from "../config";
import { FUNCTION_ACTIONS } from "../constructs/function-actions";
import { FUNCTION_RUNTIME } from "../constructs/lib-function";
import { consoleMetricNames, ERROR_BUDGET_METRICS } from "../constructs/ops-dashboard";
import { ROLLBACK_HANDLER } from "../constructs/rollback-alarms";
import { DRIFT_FAN_OUT_HANDLERS, DRIFT_SCHEDULE } from "../constructs/drift-fan-out";
import { ERROR_BUDGET_HANDLER, ERROR_BUDGET_SCHEDULE } from "../constructs/scheduled-jobs";
import { TRAINING_HANDLERS, TRAINING_STEPS } from "../constructs/training-orchestration";
import { TRAINING_JOB_SK_PREFIX } from "@/lib/db/keys";
import { bundleInputs, sdkActionsOf } from "./sdk-actions";
import { synthesized } from "./synthesized";
import { asList, resourcesOf, type CfnResource, type PolicyStatement } from "./template-helpers";

let service: Template;
const config = defaultConfig();
const resource = (id: string) => (service.toJSON() as { Resources: Record<string, CfnResource> }).Resources[id]!;

beforeAll(() => {
  ({ service } = synthesized());
}, 120_000);

/** The Lambda functions whose role is `roleId`'s, by logical id. */
const statementsOfRole = (roleId: string): PolicyStatement[] =>
  resourcesOf(service, "AWS::IAM::Policy")
    .filter(([, p]) => JSON.stringify(p.Properties?.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap(([, p]) => asList((p.Properties?.PolicyDocument as { Statement: PolicyStatement[] }).Statement));

const roleOf = (fn: CfnResource) => (fn.Properties?.Role as { "Fn::GetAtt": [string, string] })["Fn::GetAtt"][0];

/** Actions granted to a function's role beyond writing its own log group and the data key behind DynamoDB/S3. */
const apiActionsOf = (fn: CfnResource) =>
  new Set(
    statementsOfRole(roleOf(fn))
      .flatMap((s) => asList(s.Action))
      .filter((a) => !/^logs:(CreateLogGroup|CreateLogStream|PutLogEvents)$/.test(a) && !a.startsWith("kms:")),
  );

const functionsByDescription = (pattern: RegExp) =>
  resourcesOf(service, "AWS::Lambda::Function").filter(([, f]) => pattern.test(String(f.Properties?.Description)));

describe("rollback chain: alarm → SNS → rollback Lambda, per tenant", () => {
  it.each(config.tenants)(
    "$tenantId: the alarms are lib/deployments' definitions, acting on the tenant's encrypted, TLS-only topic, which invokes its rollback Lambda",
    (tenant) => {
      const expected = endpointAlarms({
        tenantId: tenant.tenantId,
        endpointName: tenant.endpointName,
        rollbackTopicArn: "TOPIC",
        latencySloMs: tenant.latencySloMs,
      });
      const alarms = resourcesOf(service, "AWS::CloudWatch::Alarm").filter(([, a]) =>
        String(a.Properties?.AlarmName).includes(`/${tenant.tenantId}/`),
      );
      expect(alarms.map(([, a]) => a.Properties?.AlarmName).sort()).toEqual(expected.map((a) => a.AlarmName).sort());
      const topics = new Set<string>();
      for (const definition of expected) {
        const [, alarm] = alarms.find(([, a]) => a.Properties?.AlarmName === definition.AlarmName)!;
        const { AlarmActions, Tags: _appTags, ...props } = alarm.Properties!;
        const { AlarmActions: _topic, ...want } = definition;
        expect(props).toEqual(JSON.parse(JSON.stringify(want)) as unknown);
        const actions = asList(AlarmActions as Array<{ Ref: string }>);
        expect(actions).toHaveLength(1);
        topics.add(actions[0]!.Ref);
      }
      expect(topics.size).toBe(1);
      const [topicId] = [...topics] as [string];
      const topic = resource(topicId);
      expect(topic.Type).toBe("AWS::SNS::Topic");
      expect(topic.Properties?.KmsMasterKeyId).toEqual({ "Fn::GetAtt": [expect.stringMatching(/^OpsKey/), "Arn"] });
      const policies = resourcesOf(service, "AWS::SNS::TopicPolicy").filter(([, p]) =>
        JSON.stringify(p.Properties?.Topics).includes(topicId),
      );
      expect(JSON.stringify(policies)).toContain('"aws:SecureTransport":"false"');

      // The topic's one subscription is a Lambda running lib/deployments/rollback-handler.ts' `handler`.
      const subscriptions = resourcesOf(service, "AWS::SNS::Subscription").filter(
        ([, s]) => JSON.stringify(s.Properties?.TopicArn) === JSON.stringify({ Ref: topicId }),
      );
      expect(subscriptions).toHaveLength(1);
      const [[, subscription]] = subscriptions as [[string, CfnResource]];
      expect(subscription.Properties?.Protocol).toBe("lambda");
      const functionId = (subscription.Properties?.Endpoint as { "Fn::GetAtt": [string, string] })["Fn::GetAtt"][0];
      const fn = resource(functionId);
      expect(fn.Type).toBe("AWS::Lambda::Function");
      expect(fn.Properties?.Handler).toBe("index.handler");
      expect(fn.Properties?.Description).toContain(ROLLBACK_HANDLER);
      expect(fn.Properties?.Description).toContain(tenant.endpointName);
      service.hasResourceProperties("AWS::Lambda::Permission", {
        Action: "lambda:InvokeFunction",
        Principal: "sns.amazonaws.com",
        FunctionName: { "Fn::GetAtt": [functionId, "Arn"] },
        SourceArn: { Ref: topicId },
      });

      // Its role reaches this tenant's SageMaker resources only.
      const sageMaker = statementsOfRole(roleOf(fn)).filter((s) => asList(s.Action).some((a) => a.startsWith("sagemaker:")));
      const text = JSON.stringify(sageMaker);
      expect(text).toContain(`endpoint/${tenant.endpointName}`);
      for (const other of config.tenants.filter((t) => t !== tenant)) expect(text).not.toContain(other.endpointName);
    },
  );

  it("has one rollback Lambda per tenant and no other subscriber on the rollback topics", () => {
    expect(functionsByDescription(/rollback-handler\.ts/)).toHaveLength(config.tenants.length);
    service.resourceCountIs("AWS::SNS::Subscription", config.tenants.length + (config.alertEmail ? 1 : 0));
  });
});

describe("schedules", () => {
  const ruleTargeting = (functionId: string) =>
    resourcesOf(service, "AWS::Events::Rule").filter(([, r]) =>
      asList(r.Properties?.Targets as Array<{ Arn: unknown }>).some(
        (t) => JSON.stringify(t.Arn) === JSON.stringify({ "Fn::GetAtt": [functionId, "Arn"] }),
      ),
    );

  it.each([{ handler: ERROR_BUDGET_HANDLER, schedule: ERROR_BUDGET_SCHEDULE, local: "publish-error-budget" }])(
    "$handler runs on EventBridge's $schedule, as the local scheduler runs it",
    ({ handler, schedule, local }) => {
      expect(SCHEDULES.find((s) => s.functionName === local)?.expression).toBe(schedule);
      const functions = functionsByDescription(new RegExp(handler.replace(/[./]/g, "\\$&")));
      expect(functions).toHaveLength(1);
      const [[functionId]] = functions as [[string, CfnResource]];
      const rules = ruleTargeting(functionId);
      expect(rules).toHaveLength(1);
      expect(rules[0]![1].Properties).toMatchObject({ ScheduleExpression: schedule, State: "ENABLED" });
      service.hasResourceProperties("AWS::Lambda::Permission", {
        Principal: "events.amazonaws.com",
        FunctionName: { "Fn::GetAtt": [functionId, "Arn"] },
        SourceArn: { "Fn::GetAtt": [rules[0]![0], "Arn"] },
      });
    },
  );
});

/** A state machine's definition as JSON, each token (function ARNs) as the logical id it names. */
function definitionOf(comment: RegExp): { States: Record<string, Record<string, unknown>>; StartAt: string } {
  const machines = resourcesOf(service, "AWS::StepFunctions::StateMachine")
    .map(([id, m]) => {
      const [, parts] = (m.Properties?.DefinitionString as { "Fn::Join": [string, unknown[]] })["Fn::Join"];
      const text = parts
        .map((p) => (typeof p === "string" ? p : ((p as { "Fn::GetAtt"?: [string] })["Fn::GetAtt"]?.[0] ?? "TOKEN")))
        .join("");
      return [id, JSON.parse(text) as ReturnType<typeof definitionOf> & { Comment: string }] as const;
    })
    .filter(([, d]) => comment.test(d.Comment));
  expect(machines).toHaveLength(1);
  return machines[0]![1];
}

/** The handler a LambdaInvoke state calls: `index.<export>` of the function it names. */
const handlerOf = (state: Record<string, unknown>) => {
  // payloadResponseOnly: the state's Resource is the function's ARN itself.
  const functionId = (state.Parameters as { FunctionName?: string } | undefined)?.FunctionName ?? String(state.Resource);
  return String(resource(functionId).Properties?.Handler);
};

describe("drift: hourly per tenant endpoint, whole or fanned out per hour", () => {
  it("runs Plan, then Whole for a small day or a Map over its hours and Merge, each a handler of functions/drift-fan-out.ts", () => {
    const d = definitionOf(/Hourly drift/);
    expect(d.StartAt).toBe("Plan");
    expect(handlerOf(d.States.Plan!)).toBe("index.plan");
    expect(d.States.Plan!.Next).toBe("Mode");
    expect(d.States.Mode).toMatchObject({
      Type: "Choice",
      Choices: [{ Variable: "$.plan.mode", StringEquals: "fan-out", Next: "Hours" }],
      Default: "Whole",
    });
    expect(handlerOf(d.States.Whole!)).toBe("index.whole");
    const map = d.States.Hours as {
      Type: string;
      ItemsPath: string;
      MaxConcurrency: number;
      Next: string;
      ItemProcessor: { States: Record<string, Record<string, unknown>> };
    };
    expect(map).toMatchObject({ Type: "Map", ItemsPath: "$.plan.hours", Next: "Merge" });
    expect(map.MaxConcurrency).toBeGreaterThan(1);
    expect(handlerOf(map.ItemProcessor.States.Hour!)).toBe("index.hour");
    expect(handlerOf(d.States.Merge!)).toBe("index.merge");
  });

  it.each(config.tenants)(
    "$tenantId: an EventBridge rule starts it every hour for the tenant's endpoint, as the local scheduler runs drift",
    (tenant) => {
      expect(SCHEDULES.find((s) => s.functionName === "drift")?.expression).toBe(DRIFT_SCHEDULE);
      const rules = resourcesOf(service, "AWS::Events::Rule").filter(([, r]) =>
        String(r.Properties?.Description).includes(tenant.endpointName),
      );
      expect(rules).toHaveLength(1);
      const [, rule] = rules[0]!;
      expect(rule.Properties).toMatchObject({ ScheduleExpression: DRIFT_SCHEDULE, State: "ENABLED" });
      const [target] = rule.Properties!.Targets as Array<{
        Arn: { Ref: string };
        InputTransformer: { InputPathsMap: unknown; InputTemplate: string };
      }>;
      expect(resource(target!.Arn.Ref).Type).toBe("AWS::StepFunctions::StateMachine");
      expect(target!.InputTransformer.InputPathsMap).toEqual({ time: "$.time" });
      expect(JSON.parse(target!.InputTransformer.InputTemplate.replace("<time>", '"T"'))).toEqual({
        tenantId: tenant.tenantId,
        endpointName: tenant.endpointName,
        time: "T",
        fanOutAboveBytes: config.driftFanOutAboveBytes,
      });
    },
  );
});

describe("retraining: the state machine over lib/training's steps", () => {
  it("dispatches on the job's stage to Prepare, Start, Check (after a wait) and Register, each a lib/training/handlers.ts handler", () => {
    const d = definitionOf(/Retraining/);
    const stage = d.States.Stage as {
      Type: string;
      Choices: Array<{ Variable: string; StringEquals: string; Next: string }>;
      Default: string;
    };
    expect(stage.Type).toBe("Choice");
    expect(stage.Choices.map((c) => [c.Variable, c.StringEquals, c.Next])).toEqual([
      ["$.stage", "prepare", "prepare"],
      ["$.stage", "start", "start"],
      ["$.stage", "train", "WaitForTraining"],
      ["$.stage", "register", "register"],
    ]);
    expect(stage.Default).toBe("Done");
    expect(TRAINING_STEPS.map((name) => handlerOf(d.States[name.replace("Handler", "")]!))).toEqual(
      TRAINING_STEPS.map((name) => `index.${name}`),
    );
    expect(d.States.WaitForTraining).toMatchObject({ Type: "Wait", Next: "check" });
    expect(d.States.check!.Next).toBe("Stage");
  });

  it("starts on the insert of a training-job record, through the table's stream and a Pipe", () => {
    const pipes = resourcesOf(service, "AWS::Pipes::Pipe");
    expect(pipes).toHaveLength(1);
    const props = pipes[0]![1].Properties!;
    expect(JSON.stringify(props.Source)).toMatch(/StreamArn/);
    const [filter] = (props.SourceParameters as { FilterCriteria: { Filters: Array<{ Pattern: string }> } }).FilterCriteria.Filters;
    expect(JSON.parse(filter!.Pattern)).toEqual({
      eventName: ["INSERT"],
      dynamodb: { NewImage: { SK: { S: [{ prefix: TRAINING_JOB_SK_PREFIX }] } } },
    });
    expect(resource((props.Target as { Ref: string }).Ref).Type).toBe("AWS::StepFunctions::StateMachine");
  });
});

describe("the Lambdas", () => {
  const cases = [
    { handler: ROLLBACK_HANDLER, actions: FUNCTION_ACTIONS.rollback },
    { handler: DRIFT_FAN_OUT_HANDLERS, actions: FUNCTION_ACTIONS.driftFanOut },
    // What IAM implies beside the commands: tagging on create, passing the tenant's execution role.
    { handler: TRAINING_HANDLERS, actions: FUNCTION_ACTIONS.training, implied: ["iam:PassRole", "sagemaker:AddTags"] },
    { handler: ERROR_BUDGET_HANDLER, actions: FUNCTION_ACTIONS.errorBudget },
  ];

  it.each(cases as Array<(typeof cases)[number] & { implied?: string[] }>)(
    "$handler: its role grants exactly the SDK commands its bundle's lib/ modules send",
    async ({ handler, actions, implied = [] }) => {
      const inputs = await bundleInputs(handler);
      expect(inputs.some((f) => f.endsWith(handler))).toBe(true);
      expect([...sdkActionsOf(inputs)].sort()).toEqual([...actions].sort());
      const functions = functionsByDescription(new RegExp(handler.replace(/[./]/g, "\\$&")));
      expect(functions.length).toBeGreaterThan(0);
      for (const [id, fn] of functions) expect([...apiActionsOf(fn)].sort(), id).toEqual([...actions, ...implied].sort());
    },
  );

  it("run the newest Node.js runtime, log to a log group encrypted with the ops key, and carry the console's settings", () => {
    for (const [id, fn] of resourcesOf(service, "AWS::Lambda::Function").filter(([, f]) =>
      String(f.Properties?.Description).includes("lib/"),
    )) {
      expect(fn.Properties?.Runtime, id).toBe(FUNCTION_RUNTIME.name);
      const variables = (fn.Properties?.Environment as { Variables: Record<string, unknown> }).Variables;
      // Training starts jobs with the tenant's own execution role (lib/aws/execution-role.ts).
      const roles = String(fn.Properties?.Description).includes(TRAINING_HANDLERS) ? ["SAGEMAKER_EXECUTION_ROLE_ARNS"] : [];
      expect(Object.keys(variables).sort(), id).toEqual(
        ["CAPTURE_BUCKET", "METRICS_NAMESPACE", "MODELS_BUCKET", "NODE_ENV", "NODE_OPTIONS", "TABLE_NAME", ...roles].sort(),
      );
      const logGroup = resource((fn.Properties?.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref);
      expect(logGroup.Properties?.KmsKeyId, id).toEqual({ "Fn::GetAtt": [expect.stringMatching(/^OpsKey/), "Arn"] });
    }
    service.hasResourceProperties("AWS::Lambda::Function", {
      Environment: { Variables: Match.objectLike({ TABLE_NAME: "fraud-console" }) },
    });
  });
});

/** The dashboard's body as JSON, each CloudFormation token (Region, alarm ARNs) as the logical id it names. */
function dashboardBody(): { widgets: Array<{ type: string; properties: { metrics?: unknown[][]; alarms?: string[] } }> } {
  const dashboards = resourcesOf(service, "AWS::CloudWatch::Dashboard");
  expect(dashboards).toHaveLength(1);
  const [, parts] = (dashboards[0]![1].Properties?.DashboardBody as { "Fn::Join": [string, unknown[]] })["Fn::Join"];
  const text = parts.map((p) => (typeof p === "string" ? p : ((p as { "Fn::GetAtt"?: [string] })["Fn::GetAtt"]?.[0] ?? "TOKEN"))).join("");
  return JSON.parse(text) as ReturnType<typeof dashboardBody>;
}

describe("the operations dashboard", () => {
  it("shows, per tenant, every metric lib/metrics publishes, the error budget, SageMaker's per-variant figures and the rollback alarms", () => {
    const widgets = dashboardBody().widgets;
    // Each plotted metric as namespace|name|dimension=value,… (sorted), and each SEARCH expression.
    const plotted = new Set<string>();
    const searches: string[] = [];
    for (const line of widgets.flatMap((w) => w.properties.metrics ?? [])) {
      const head = line.filter((x): x is string => typeof x === "string");
      const options = line.find((x) => typeof x === "object") as { expression?: string } | undefined;
      if (head.length === 0 && options?.expression) searches.push(options.expression);
      const [namespace, name, ...dims] = head;
      const pairs = [];
      for (let i = 0; i < dims.length; i += 2) pairs.push(`${dims[i]}=${dims[i + 1]}`);
      plotted.add(`${namespace}|${name}|${pairs.sort().join(",")}`);
    }
    const shows = (namespace: string, name: string, dims: Record<string, string>) =>
      [...plotted].some((p) => {
        const [ns, n, d] = p.split("|") as [string, string, string];
        return ns === namespace && n === name && Object.entries(dims).every(([k, v]) => d.split(",").includes(`${k}=${v}`));
      }) ||
      searches.some(
        (e) =>
          e.includes(`{${namespace},`) &&
          e.includes(`MetricName="${name}"`) &&
          Object.entries(dims).every(([k, v]) => e.includes(`${k}="${v}"`)),
      );

    const names = consoleMetricNames();
    expect(names).toEqual(expect.arrayContaining(["Decisions", "Errors", "Latency", "VariantLatency", "ScoreBand", "DecisionAmount"]));
    for (const tenant of config.tenants) {
      for (const name of [...names, ...ERROR_BUDGET_METRICS]) {
        expect(shows("FraudConsole", name, { TenantId: tenant.tenantId }), `${tenant.tenantId} ${name}`).toBe(true);
      }
      for (const decision of DECISIONS)
        expect(shows("FraudConsole", "Decisions", { TenantId: tenant.tenantId, Decision: decision })).toBe(true);
      for (const name of ["Invocations", "Invocation5XXErrors", "ModelLatency"]) {
        for (const variant of ["production", "canary"]) {
          expect(shows("AWS/SageMaker", name, { EndpointName: tenant.endpointName, VariantName: variant }), `${name} ${variant}`).toBe(
            true,
          );
        }
      }
      const alarmIds = resourcesOf(service, "AWS::CloudWatch::Alarm")
        .filter(([, a]) => String(a.Properties?.AlarmName).includes(`/${tenant.tenantId}/`))
        .map(([id]) => id);
      expect(alarmIds.length).toBeGreaterThan(0);
      expect(widgets.some((w) => w.type === "alarm" && alarmIds.every((id) => w.properties.alarms?.includes(id)))).toBe(true);
    }
  });
});

describe("cost", () => {
  it("has an AWS Budgets alarm on the account's daily cost", () => {
    service.hasResourceProperties("AWS::Budgets::Budget", {
      Budget: {
        BudgetType: "COST",
        TimeUnit: "DAILY",
        BudgetLimit: { Amount: config.dailyBudgetUsd, Unit: "USD" },
        BudgetName: "CostBudget-daily-cost",
      },
    });
  });
});
