import { ArnFormat, Stack } from "aws-cdk-lib";
import type * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as kms from "aws-cdk-lib/aws-kms";
import type * as s3 from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import type { TenantDeployment } from "../config";
import { acknowledge } from "./nag";
import { nagBucketArn } from "./model-artifacts";
import { CAPTURE_PREFIX } from "./tenant-endpoint";

/**
 * The AWS API actions the console calls, per service: exactly the SDK commands lib/ and app/ send
 * (test/console-role.test.ts reads them from the sources and compares), in IAM's names.
 */
export const CONSOLE_ACTIONS = {
  dynamodb: [
    "dynamodb:BatchGetItem",
    "dynamodb:DeleteItem",
    "dynamodb:DescribeTable",
    "dynamodb:GetItem",
    "dynamodb:PutItem",
    "dynamodb:Query",
    "dynamodb:UpdateItem",
  ],
  /** On the tenants' endpoints, configs, models and model packages only. */
  sagemakerScoped: [
    "sagemaker:CreateEndpoint",
    "sagemaker:CreateEndpointConfig",
    "sagemaker:CreateModel",
    "sagemaker:DeleteEndpoint",
    "sagemaker:DeleteEndpointConfig",
    "sagemaker:DeleteModel",
    "sagemaker:UpdateEndpoint",
    "sagemaker:UpdateEndpointWeightsAndCapacities",
    "sagemaker:UpdateModelPackage",
    "sagemaker:DescribeEndpoint",
    "sagemaker:DescribeEndpointConfig",
    "sagemaker:DescribeModel",
    "sagemaker:DescribeModelPackage",
    "sagemaker:InvokeEndpoint",
    "sagemaker:ListTags",
  ],
  /** List operations, which IAM authorises on "*" only (SageMaker service authorization reference). */
  sagemakerList: ["sagemaker:ListEndpoints", "sagemaker:ListModelPackages"],
  s3Read: ["s3:GetObject"],
  s3List: ["s3:ListBucket"],
  cloudwatchPut: ["cloudwatch:PutMetricData"],
  cloudwatchRead: ["cloudwatch:GetMetricData", "cloudwatch:ListMetrics"],
  /** On the product's own alarms (lib/deployments/alarm-definitions.ts names them fraud-console/…). */
  cloudwatchAlarms: ["cloudwatch:PutMetricAlarm"],
} as const;

/**
 * Actions IAM requires beside the SDK commands: creating a tagged SageMaker resource needs AddTags,
 * and CreateModel passes the tenant's execution role.
 */
export const IMPLIED_ACTIONS = ["sagemaker:AddTags", "iam:PassRole"] as const;

export interface ConsolePermissionsProps {
  readonly role: iam.IRole;
  readonly tenants: readonly TenantDeployment[];
  readonly table: dynamodb.ITable;
  readonly dataKey: kms.IKey;
  readonly modelsBucket: s3.IBucket;
  readonly captureBucket: s3.IBucket;
  readonly metricsNamespace: string;
  /** The tenants' SageMaker execution roles, which CreateModel passes. */
  readonly executionRoles: readonly iam.IRole[];
  /** Table and bucket names as cdk-nag prints them, for the acknowledgements. */
  readonly nagNames: { table: string; modelsBucket: string; captureBucket: string };
}

/**
 * The console task role's one policy: the table and its indexes, the two buckets (read), the
 * tenants' SageMaker resources by name, its own metrics namespace. Every ARN is in this account;
 * "*" appears only where IAM allows nothing narrower (List*, GetMetricData, PutMetricData, which is
 * held to the namespace by a condition).
 */
export class ConsolePermissions extends Construct {
  readonly policy: iam.Policy;

  constructor(scope: Construct, id: string, props: ConsolePermissionsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const sm = (resource: string, resourceName: string) =>
      stack.formatArn({ service: "sagemaker", resource, resourceName, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
    const sageMakerResources = props.tenants.flatMap((t) => {
      const endpoint = t.endpointName.toLowerCase();
      const group = t.modelPackageGroupName.toLowerCase();
      return [
        sm("endpoint", endpoint),
        sm("endpoint-config", `${endpoint}*`),
        sm("model", `${group}-v*`),
        sm("model-package", `${group}/*`),
      ];
    });
    const statements = [
      new iam.PolicyStatement({
        sid: "Table",
        actions: [...CONSOLE_ACTIONS.dynamodb],
        resources: [props.table.tableArn, `${props.table.tableArn}/index/*`],
      }),
      new iam.PolicyStatement({
        sid: "DataKeyThroughDynamoDbAndS3",
        actions: ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"],
        resources: [props.dataKey.keyArn],
        conditions: { StringEquals: { "kms:ViaService": [`dynamodb.${stack.region}.amazonaws.com`, `s3.${stack.region}.amazonaws.com`] } },
      }),
      new iam.PolicyStatement({
        sid: "ReadArtifactsAndCapture",
        actions: [...CONSOLE_ACTIONS.s3Read],
        resources: [props.modelsBucket.arnForObjects("*"), props.captureBucket.arnForObjects(`${CAPTURE_PREFIX}/*`)],
      }),
      new iam.PolicyStatement({
        sid: "ListBuckets",
        actions: [...CONSOLE_ACTIONS.s3List],
        resources: [props.modelsBucket.bucketArn, props.captureBucket.bucketArn],
      }),
      new iam.PolicyStatement({
        sid: "TenantSageMaker",
        actions: [...CONSOLE_ACTIONS.sagemakerScoped, "sagemaker:AddTags"],
        resources: sageMakerResources,
      }),
      new iam.PolicyStatement({
        sid: "PassTenantExecutionRoles",
        actions: ["iam:PassRole"],
        resources: props.executionRoles.map((r) => r.roleArn),
        conditions: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } },
      }),
      new iam.PolicyStatement({
        sid: "OwnAlarms",
        actions: [...CONSOLE_ACTIONS.cloudwatchAlarms],
        resources: [
          stack.formatArn({
            service: "cloudwatch",
            resource: "alarm",
            resourceName: "fraud-console/*",
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        ],
      }),
      new iam.PolicyStatement({ sid: "SageMakerLists", actions: [...CONSOLE_ACTIONS.sagemakerList], resources: ["*"] }),
      new iam.PolicyStatement({
        sid: "OwnMetrics",
        actions: [...CONSOLE_ACTIONS.cloudwatchPut],
        resources: ["*"],
        conditions: { StringEquals: { "cloudwatch:namespace": props.metricsNamespace } },
      }),
      new iam.PolicyStatement({ sid: "ReadMetrics", actions: [...CONSOLE_ACTIONS.cloudwatchRead], resources: ["*"] }),
    ];
    this.policy = new iam.Policy(this, "Policy", { statements });
    this.policy.attachToRole(props.role);

    const why = "The console's task role";
    acknowledge(
      this.policy,
      "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:cloudwatch:<AWS::Region>:<AWS::AccountId>:alarm:fraud-console/*]",
      `${why}: puts the product's rollback alarms, all named fraud-console/<tenant>/<endpoint>/<kind> (alarm-definitions.ts).`,
    );
    acknowledge(
      this.policy,
      "AwsSolutions-IAM5[Resource::*]",
      `${why}: ListEndpoints, ListModelPackages, ListMetrics and GetMetricData authorise on "*" only, and PutMetricData is held to the console's namespace by cloudwatch:namespace.`,
    );
    acknowledge(
      this.policy,
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:dynamodb:<AWS::Region>:<AWS::AccountId>:table/${props.nagNames.table}/index/*]`,
      `${why}: queries the table's GSIs (lib/aws/resources.ts), all of them.`,
    );
    acknowledge(
      this.policy,
      `AwsSolutions-IAM5[Resource::${nagBucketArn(props.nagNames.modelsBucket)}/*]`,
      `${why}: reads model metrics and baselines of every tenant's group (the console serves all tenants; the tenant is enforced in lib/).`,
    );
    acknowledge(
      this.policy,
      `AwsSolutions-IAM5[Resource::${nagBucketArn(props.nagNames.captureBucket)}/${CAPTURE_PREFIX}/*]`,
      `${why}: reads data capture for drift and shadow comparison, named by SageMaker per hour.`,
    );
    for (const t of props.tenants) {
      const endpoint = t.endpointName.toLowerCase();
      const group = t.modelPackageGroupName.toLowerCase();
      acknowledge(
        this.policy,
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:sagemaker:<AWS::Region>:<AWS::AccountId>:endpoint-config/${endpoint}*]`,
        `${why}: the endpoint configs of ${t.tenantId}'s endpoint, which deployments name <endpoint>-d<N>-<suffix>.`,
      );
      acknowledge(
        this.policy,
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:sagemaker:<AWS::Region>:<AWS::AccountId>:model/${group}-v*]`,
        `${why}: the SageMaker models of ${t.tenantId}'s versions, named <group>-v<N>.`,
      );
      acknowledge(
        this.policy,
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:sagemaker:<AWS::Region>:<AWS::AccountId>:model-package/${group}/*]`,
        `${why}: the versions of ${t.tenantId}'s model package group.`,
      );
    }
  }
}
