import { ArnFormat, Stack } from "aws-cdk-lib";
import type * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as kms from "aws-cdk-lib/aws-kms";
import type * as s3 from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import type { TenantDefinition } from "@/infra/tenants";
import { TRAINING_LOG_GROUP } from "@/lib/training/log-group";
import { nagBucketArn } from "./model-artifacts";
import { acknowledge } from "./nag";
import { CAPTURE_PREFIX } from "./tenant-endpoint";

/** The data plane a role reaches: the stateful stack's resources, named as cdk-nag prints them too. */
export interface DataPlane {
  readonly table: dynamodb.ITable;
  readonly dataKey: kms.IKey;
  readonly modelsBucket: s3.IBucket;
  readonly captureBucket: s3.IBucket;
  readonly metricsNamespace: string;
  /** Table and bucket names as cdk-nag prints them, for the acknowledgements. */
  readonly nagNames: { table: string; modelsBucket: string; captureBucket: string };
}

export interface ScopedPolicyProps {
  readonly role: iam.IRole;
  /** Who the role is, for the reviewer reading the acknowledgements ("The console's task role"). */
  readonly who: string;
  /** IAM actions: the SDK commands the role's code sends (and what IAM implies beside them). */
  readonly actions: readonly string[];
  /** The tenants whose SageMaker resources the role reaches. */
  readonly tenants: readonly TenantDefinition[];
  readonly data: DataPlane;
  /** Roles that iam:PassRole may pass (to SageMaker only). */
  readonly passRoles?: readonly iam.IRole[];
  /** Object patterns (in the models or capture bucket) that s3:PutObject reaches. */
  readonly writeObjects?: ReadonlyArray<{ bucket: "models" | "capture"; pattern: string; why: string }>;
}

/** List and read operations IAM authorises on "*" only (SageMaker, CloudWatch service authorization references); ListTags takes the resource. */
const STAR_ONLY = /^(sagemaker:List(?!Tags$)\w+|cloudwatch:(GetMetricData|ListMetrics))$/;

/**
 * One policy holding exactly `actions`, each on the narrowest resources IAM allows: the table and
 * its indexes, the tenants' SageMaker resources by name, the buckets' prefixes, the product's own
 * alarms and namespace; every ARN in this account. An action it does not know how to scope is an
 * error, so a new SDK command gets a decision, not a wildcard.
 */
export class ScopedPolicy extends Construct {
  readonly policy: iam.Policy;

  constructor(scope: Construct, id: string, props: ScopedPolicyProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const { data, who } = props;
    const remaining = new Set(props.actions);
    const take = (test: (action: string) => boolean) => {
      const taken = [...remaining].filter(test).sort();
      for (const action of taken) remaining.delete(action);
      return taken;
    };
    const statements: iam.PolicyStatement[] = [];
    const acknowledgements: Array<[string, string]> = [];
    const add = (sid: string, actions: string[], resources: string[], conditions?: Record<string, unknown>) => {
      if (actions.length > 0) statements.push(new iam.PolicyStatement({ sid, actions, resources, conditions }));
      return actions.length > 0;
    };

    const tableActions = take((a) => a.startsWith("dynamodb:"));
    if (add("Table", tableActions, [data.table.tableArn, `${data.table.tableArn}/index/*`])) {
      acknowledgements.push([
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:dynamodb:<AWS::Region>:<AWS::AccountId>:table/${data.nagNames.table}/index/*]`,
        `${who}: queries the table's GSIs (lib/aws/resources.ts), all of them.`,
      ]);
    }

    const starActions = take((a) => STAR_ONLY.test(a));
    const putMetrics = take((a) => a === "cloudwatch:PutMetricData");
    add(
      "SageMakerLists",
      starActions.filter((a) => a.startsWith("sagemaker:")),
      ["*"],
    );
    add(
      "ReadMetrics",
      starActions.filter((a) => a.startsWith("cloudwatch:")),
      ["*"],
    );
    add("OwnMetrics", putMetrics, ["*"], { StringEquals: { "cloudwatch:namespace": data.metricsNamespace } });
    if (starActions.length + putMetrics.length > 0) {
      acknowledgements.push([
        "AwsSolutions-IAM5[Resource::*]",
        `${who}: ${[...starActions, ...putMetrics].join(", ")} authorise on "*" only; PutMetricData is held to the console's namespace by cloudwatch:namespace.`,
      ]);
    }

    const alarms = take((a) => a === "cloudwatch:PutMetricAlarm");
    if (
      add("OwnAlarms", alarms, [
        stack.formatArn({
          service: "cloudwatch",
          resource: "alarm",
          resourceName: "fraud-console/*",
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ])
    ) {
      acknowledgements.push([
        "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:cloudwatch:<AWS::Region>:<AWS::AccountId>:alarm:fraud-console/*]",
        `${who}: puts the product's rollback alarms, all named fraud-console/<tenant>/<endpoint>/<kind> (alarm-definitions.ts).`,
      ]);
    }

    const reads = take((a) => a === "s3:GetObject");
    if (
      add("ReadArtifactsAndCapture", reads, [data.modelsBucket.arnForObjects("*"), data.captureBucket.arnForObjects(`${CAPTURE_PREFIX}/*`)])
    ) {
      acknowledgements.push(
        [
          `AwsSolutions-IAM5[Resource::${nagBucketArn(data.nagNames.modelsBucket)}/*]`,
          `${who}: reads model metrics and baselines of every tenant's group it serves (the tenant is enforced in lib/).`,
        ],
        [
          `AwsSolutions-IAM5[Resource::${nagBucketArn(data.nagNames.captureBucket)}/${CAPTURE_PREFIX}/*]`,
          `${who}: reads data capture for drift and shadow comparison, named by SageMaker per hour.`,
        ],
      );
    }
    const writes = take((a) => a === "s3:PutObject");
    if (writes.length > 0) {
      if (!props.writeObjects?.length) throw new Error(`${who}: s3:PutObject needs writeObjects`);
      const bucketOf = (b: "models" | "capture") => (b === "models" ? data.modelsBucket : data.captureBucket);
      const nagOf = (b: "models" | "capture") => (b === "models" ? data.nagNames.modelsBucket : data.nagNames.captureBucket);
      add(
        "WriteObjects",
        writes,
        props.writeObjects.map((w) => bucketOf(w.bucket).arnForObjects(w.pattern)),
      );
      // What a role writes it may read back (the training channels, the drift partials).
      if (reads.length > 0)
        add(
          "ReadWrittenObjects",
          reads,
          props.writeObjects.map((w) => bucketOf(w.bucket).arnForObjects(w.pattern)),
        );
      for (const w of props.writeObjects)
        acknowledgements.push([`AwsSolutions-IAM5[Resource::${nagBucketArn(nagOf(w.bucket))}/${w.pattern}]`, `${who}: ${w.why}`]);
    }
    add(
      "ListBuckets",
      take((a) => a === "s3:ListBucket"),
      [data.modelsBucket.bucketArn, data.captureBucket.bucketArn],
    );
    if (tableActions.length + reads.length + writes.length > 0) {
      statements.push(
        new iam.PolicyStatement({
          sid: "DataKeyThroughDynamoDbAndS3",
          actions: ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"],
          resources: [data.dataKey.keyArn],
          conditions: {
            StringEquals: { "kms:ViaService": [`dynamodb.${stack.region}.amazonaws.com`, `s3.${stack.region}.amazonaws.com`] },
          },
        }),
      );
    }

    // Training jobs are named by time, not tenant (lib/training/training-job.ts): they are held to the
    // tenants by their `tenant` tag, required on create and matched on every later call.
    const tenantIds = props.tenants.map((t) => t.tenantId);
    const trainingJobs = stack.formatArn({
      service: "sagemaker",
      resource: "training-job",
      resourceName: "*",
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
    const createTraining = take((a) => a === "sagemaker:CreateTrainingJob");
    if (
      add("CreateTenantTrainingJobs", createTraining.length > 0 ? [...createTraining, "sagemaker:AddTags"] : [], [trainingJobs], {
        StringEquals: { "aws:RequestTag/tenant": tenantIds },
      })
    ) {
      acknowledgements.push([
        "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:sagemaker:<AWS::Region>:<AWS::AccountId>:training-job/*]",
        `${who}: training jobs are named by their start time; the tenant tag (aws:RequestTag/tenant, aws:ResourceTag/tenant) holds every call to this deployment's tenants.`,
      ]);
    }
    const useTraining = take((a) => a === "sagemaker:DescribeTrainingJob" || a === "sagemaker:StopTrainingJob");
    if (add("TenantTrainingJobs", useTraining, [trainingJobs], { StringEquals: { "aws:ResourceTag/tenant": tenantIds } })) {
      acknowledgements.push([
        "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:sagemaker:<AWS::Region>:<AWS::AccountId>:training-job/*]",
        `${who}: training jobs are named by their start time; the tenant tag (aws:RequestTag/tenant, aws:ResourceTag/tenant) holds every call to this deployment's tenants.`,
      ]);
    }

    const sageMaker = take((a) => a.startsWith("sagemaker:"));
    if (sageMaker.length > 0) {
      const sm = (resource: string, resourceName: string) =>
        stack.formatArn({ service: "sagemaker", resource, resourceName, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
      const resources = props.tenants.flatMap((t) => {
        const endpoint = t.endpointName.toLowerCase();
        const group = t.modelPackageGroupName.toLowerCase();
        const nag = "arn:<AWS::Partition>:sagemaker:<AWS::Region>:<AWS::AccountId>";
        acknowledgements.push(
          [
            `AwsSolutions-IAM5[Resource::${nag}:endpoint-config/${endpoint}*]`,
            `${who}: the endpoint configs of ${t.tenantId}'s endpoint, which deployments name <endpoint>-d<N>-<suffix>.`,
          ],
          [
            `AwsSolutions-IAM5[Resource::${nag}:model/${group}-v*]`,
            `${who}: the SageMaker models of ${t.tenantId}'s versions, named <group>-v<N>.`,
          ],
          [`AwsSolutions-IAM5[Resource::${nag}:model-package/${group}/*]`, `${who}: the versions of ${t.tenantId}'s model package group.`],
        );
        return [
          sm("endpoint", endpoint),
          sm("endpoint-config", `${endpoint}*`),
          sm("model", `${group}-v*`),
          sm("model-package", `${group}/*`),
        ];
      });
      add("TenantSageMaker", sageMaker, resources);
    }

    // SageMaker writes every training job's output to one log group (lib/training/check-training-job.ts
    // TRAINING_LOG_GROUP), in streams named <job>/algo-1-<epoch s>: the reads are held to that group.
    const trainingLogs = take((a) => a === "logs:DescribeLogStreams" || a === "logs:GetLogEvents");
    if (
      add("TrainingJobLogs", trainingLogs, [
        stack.formatArn({
          service: "logs",
          resource: "log-group",
          resourceName: `${TRAINING_LOG_GROUP}:*`,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ])
    ) {
      acknowledgements.push([
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:${TRAINING_LOG_GROUP}:*]`,
        `${who}: reads the tail of training jobs' logs; SageMaker writes them all to this one group, in streams named <job>/algo-1-<epoch s> that exist only once a job runs (the job, and so the tenant, is checked in lib/training).`,
      ]);
    }

    const pass = take((a) => a === "iam:PassRole");
    if (pass.length > 0) {
      if (!props.passRoles?.length) throw new Error(`${who}: iam:PassRole needs passRoles`);
      add(
        "PassTenantExecutionRoles",
        pass,
        props.passRoles.map((r) => r.roleArn),
        { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } },
      );
    }

    if (remaining.size > 0) throw new Error(`${who}: no scope is defined for ${[...remaining].join(", ")} (constructs/scoped-policy.ts)`);
    this.policy = new iam.Policy(this, "Policy", { statements });
    this.policy.attachToRole(props.role);
    for (const [finding, reason] of new Map(acknowledgements)) acknowledge(this.policy, finding, reason);
  }
}
