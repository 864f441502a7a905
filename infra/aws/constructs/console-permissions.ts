import type * as iam from "aws-cdk-lib/aws-iam";
import { Construct } from "constructs";
import type { TenantDeployment } from "../config";
import { ScopedPolicy, type DataPlane } from "./scoped-policy";
import { TRAINING_PREFIX } from "./tenant-endpoint";

/** lib/training's objects in the models bucket, per tenant (tenant-endpoint.ts TRAINING_PREFIX). */
export const trainingObjects = (tenants: readonly { tenantId: string }[]) =>
  tenants.map((t) => ({
    bucket: "models" as const,
    pattern: `${TRAINING_PREFIX}/${t.tenantId}/*`,
    why: `retraining prepares ${t.tenantId}'s channels under ${TRAINING_PREFIX}/${t.tenantId}/<job>/data/ and writes a registered version's evaluation and baseline beside its output.`,
  }));

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
    "sagemaker:CreateModelPackage",
    "sagemaker:DescribeEndpoint",
    "sagemaker:DescribeEndpointConfig",
    "sagemaker:DescribeModel",
    "sagemaker:DescribeModelPackage",
    "sagemaker:InvokeEndpoint",
    "sagemaker:ListTags",
  ],
  /** Retraining (lib/training): held to the tenants by the jobs' tenant tag (scoped-policy.ts). */
  sagemakerTraining: ["sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob"],
  /** Retraining writes its channels and the registered version's reports under training/<tenant>/. */
  s3Write: ["s3:PutObject"],
  /** List operations, which IAM authorises on "*" only (SageMaker service authorization reference). */
  sagemakerList: ["sagemaker:ListEndpoints", "sagemaker:ListModelPackages"],
  s3Read: ["s3:GetObject"],
  s3List: ["s3:ListBucket"],
  cloudwatchPut: ["cloudwatch:PutMetricData"],
  cloudwatchRead: ["cloudwatch:GetMetricData", "cloudwatch:ListMetrics"],
  /** On the product's own alarms (lib/deployments/alarm-definitions.ts names them fraud-console/…). */
  cloudwatchAlarms: ["cloudwatch:PutMetricAlarm"],
  /** The training jobs' log tail (lib/training/check-training-job.ts), in SageMaker's /aws/sagemaker/TrainingJobs only. */
  trainingLogs: ["logs:DescribeLogStreams", "logs:GetLogEvents"],
} as const;

/**
 * Actions IAM requires beside the SDK commands: creating a tagged SageMaker resource needs AddTags,
 * and CreateModel passes the tenant's execution role.
 */
export const IMPLIED_ACTIONS = ["sagemaker:AddTags", "iam:PassRole"] as const;

export interface ConsolePermissionsProps extends DataPlane {
  readonly role: iam.IRole;
  readonly tenants: readonly TenantDeployment[];
  /** The tenants' SageMaker execution roles, which CreateModel passes. */
  readonly executionRoles: readonly iam.IRole[];
}

/**
 * The console task role's one policy: exactly CONSOLE_ACTIONS (and what IAM implies beside them),
 * each on the narrowest resources IAM allows (scoped-policy.ts): the table and its indexes, the
 * two buckets (read), the tenants' SageMaker resources by name, its own alarms and namespace.
 */
export class ConsolePermissions extends Construct {
  readonly policy: iam.Policy;

  constructor(scope: Construct, id: string, props: ConsolePermissionsProps) {
    super(scope, id);
    const { role, tenants, executionRoles, ...data } = props;
    this.policy = new ScopedPolicy(this, "Scoped", {
      role,
      who: "The console's task role",
      actions: [...Object.values(CONSOLE_ACTIONS).flat(), ...IMPLIED_ACTIONS],
      tenants,
      data,
      passRoles: executionRoles,
      writeObjects: trainingObjects(tenants),
    }).policy;
  }
}
