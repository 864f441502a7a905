import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultConfig } from "../config";
import { CONSOLE_ACTIONS, IMPLIED_ACTIONS } from "../constructs/console-permissions";
import { REPO_ROOT } from "../constructs/console-service";
import { sdkActionsOf } from "./sdk-actions";
import { synthesized } from "./synthesized";
import { asList, logicalIdOf, resourcesOf, type PolicyStatement } from "./template-helpers";

let service: Template;
let statements: PolicyStatement[];
let synthError: unknown;
const config = defaultConfig();

beforeAll(() => {
  ({ service, synthError } = synthesized());
  const role = logicalIdOf(service, "AWS::IAM::Role", "ConsoleTaskRole");
  statements = resourcesOf(service, "AWS::IAM::Policy")
    .filter(([, p]) => JSON.stringify(p.Properties?.Roles) === JSON.stringify([{ Ref: role }]))
    .flatMap(([, p]) => (p.Properties?.PolicyDocument as { Statement: PolicyStatement[] }).Statement);
}, 120_000);

/** The AWS SDK commands lib/ and app/ send, in IAM's action names, read from their imports. */
function actionsUsedByTheConsole(): Set<string> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) files.push(file);
    }
  };
  walk(path.join(REPO_ROOT, "lib"));
  walk(path.join(REPO_ROOT, "app"));
  return sdkActionsOf(files);
}

describe("the console's role", () => {
  const granted = () => new Set(statements.flatMap((s) => asList(s.Action)));

  it("grants exactly the API actions lib/ and app/ send, no more and no fewer", () => {
    const used = actionsUsedByTheConsole();
    const grantedActions = granted();
    // kms: the data key behind DynamoDB and S3 (SSE-KMS), used through those services only; and
    // what IAM requires beside the commands (tagging on create, passing the execution roles).
    const kms = ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey", ...IMPLIED_ACTIONS];
    expect([...grantedActions].sort()).toEqual([...new Set([...used, ...kms])].sort());
    expect([...grantedActions].sort()).toEqual([...new Set([...Object.values(CONSOLE_ACTIONS).flat(), ...kms])].sort());
  });

  it("has no sagemaker:* nor any wildcard action", () => {
    for (const action of granted()) expect(action).not.toMatch(/\*/);
  });

  it("reaches SageMaker only on the tenants' endpoints, configs, models and packages in this account", () => {
    const tenantNames = config.tenants.flatMap((t) => [t.endpointName, t.modelPackageGroupName]);
    for (const statement of statements.filter((s) => asList(s.Action).some((a) => a.startsWith("sagemaker:")))) {
      const resources = asList(statement.Resource);
      if (JSON.stringify(resources).includes(":training-job/*")) {
        // Training jobs are named by time: held to the tenants by their tag, on create and after.
        const tag = statement.Condition?.StringEquals as Record<string, unknown> | undefined;
        expect(tag?.["aws:RequestTag/tenant"] ?? tag?.["aws:ResourceTag/tenant"]).toEqual(config.tenants.map((t) => t.tenantId));
        continue;
      }
      if (resources.includes("*")) {
        expect(asList(statement.Action).every((a) => CONSOLE_ACTIONS.sagemakerList.includes(a as never))).toBe(true);
        continue;
      }
      for (const resource of resources) {
        const text = JSON.stringify(resource);
        expect(text).toContain('{"Ref":"AWS::AccountId"}');
        expect(tenantNames.some((name) => text.includes(`:${resourceKind(text)}/${name}`))).toBe(true);
      }
    }
  });

  it("reads training logs (DescribeLogStreams, GetLogEvents) in SageMaker's /aws/sagemaker/TrainingJobs group only", () => {
    const logStatements = statements.filter((s) => asList(s.Action).some((a) => a.startsWith("logs:")));
    expect(logStatements.flatMap((s) => asList(s.Action)).sort()).toEqual(["logs:DescribeLogStreams", "logs:GetLogEvents"]);
    for (const statement of logStatements) {
      expect(asList(statement.Resource).map((r) => JSON.stringify(r))).toEqual([
        expect.stringMatching(/\{"Ref":"AWS::AccountId"\},":log-group:\/aws\/sagemaker\/TrainingJobs:\*"\]\]\}$/),
      ]);
    }
  });

  it("names no other account: every ARN is in ${AWS::AccountId} or '*' where IAM has nothing narrower", () => {
    for (const statement of statements) {
      for (const resource of asList(statement.Resource)) {
        const text = JSON.stringify(resource);
        expect(text).not.toMatch(/\d{12}/);
        if (asList(statement.Action).includes("iam:PassRole")) {
          expect(text).toMatch(/"Fn::GetAtt":\["Tenant[\w]+ExecutionRole\w+","Arn"\]/);
          continue;
        }
        if (resource === "*") {
          expect(asList(statement.Action).every((a) => /:(List|Get)\w*$|^cloudwatch:PutMetricData$/.test(a))).toBe(true);
          if (asList(statement.Action).includes("cloudwatch:PutMetricData")) {
            expect(statement.Condition).toEqual({ StringEquals: { "cloudwatch:namespace": "FraudConsole" } });
          }
        } else if (!text.includes("arn:") || text.includes(":s3:::") || text.includes("ImportValue")) {
          // S3 ARNs carry no account; the bucket names do (fraud-console-<kind>-<account>-<region>), and
          // the data key's ARN is the data stack's.
          expect(text).toMatch(/AWS::AccountId|ImportValue/);
        } else {
          expect(text).toContain('{"Ref":"AWS::AccountId"}');
        }
      }
    }
  });
});

const resourceKind = (text: string) => /:(endpoint-config|endpoint|model-package|model)\//.exec(text)?.[1] ?? "";

describe("console hosting", () => {
  it("runs on Fargate behind an internal load balancer reached through CloudFront, with OIDC sign-in and secrets", () => {
    service.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", { Scheme: "internal" });
    service.resourceCountIs("AWS::CloudFront::Distribution", 1);
    service.resourceCountIs("AWS::ECS::Service", 1);
    const [[, task] = []] = resourcesOf(service, "AWS::ECS::TaskDefinition");
    const container = (
      task!.Properties!.ContainerDefinitions as Array<{
        Environment: Array<{ Name: string; Value: unknown }>;
        Secrets: Array<{ Name: string }>;
      }>
    )[0]!;
    const env = Object.fromEntries(container.Environment.map((e) => [e.Name, e.Value]));
    expect(env).toMatchObject({
      AUTH_PROVIDER: "oidc",
      OIDC_TENANT_CLAIM: "custom:tenant",
      OIDC_ROLE_CLAIM: "custom:role",
      TABLE_NAME: "fraud-console",
    });
    expect(container.Secrets.map((s) => s.Name).sort()).toEqual(["NEXTAUTH_SECRET", "OIDC_CLIENT_SECRET"]);
    // Each tenant's models and training jobs run with its own execution role (lib/aws/execution-role.ts).
    const roles = JSON.stringify(env.SAGEMAKER_EXECUTION_ROLE_ARNS);
    for (const tenant of config.tenants) {
      const role = logicalIdOf(service, "AWS::IAM::Role", `Tenant${tenant.tenantId.replace(/-/g, "")}ExecutionRole`);
      expect(roles).toMatch(new RegExp(`\\\\"${tenant.tenantId}\\\\":\\\\"",\\{"Fn::GetAtt":\\["${role}","Arn"\\]\\}`));
    }
    service.hasResourceProperties("AWS::Cognito::UserPoolClient", {
      ReadAttributes: Match.arrayWith(["custom:role", "custom:tenant"]),
      WriteAttributes: ["name"],
      AllowedOAuthFlows: ["code"],
    });
  });

  it("puts a WAF with a rate-based rule per client and per API key on /api/score in front of it", () => {
    service.hasResourceProperties("AWS::WAFv2::WebACL", {
      Scope: "REGIONAL",
      Rules: Match.arrayWith([
        Match.objectLike({
          Statement: {
            RateBasedStatement: Match.objectLike({ AggregateKeyType: "FORWARDED_IP", Limit: config.rateLimits.perAddressPer5Min }),
          },
        }),
        Match.objectLike({
          Statement: {
            RateBasedStatement: Match.objectLike({ AggregateKeyType: "CUSTOM_KEYS", Limit: config.rateLimits.perApiKeyPer5Min }),
          },
        }),
      ]),
    });
    service.resourceCountIs("AWS::WAFv2::WebACLAssociation", 1);
  });
});

describe("cdk-nag", () => {
  it("finds nothing unacknowledged in either stack (AwsSolutions pack, on synth)", () => {
    expect(synthError).toBeUndefined();
  });
});
