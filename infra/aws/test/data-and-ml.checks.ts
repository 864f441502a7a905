import { App, type Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { buildEndpointConfigInput } from "@/lib/deployments/build-endpoint-config";
import { MAIN_TABLE, TABLES } from "@/lib/aws/resources";
import { defaultConfig } from "../config";
import { CAPTURE_PREFIX, firstDeploymentSpec } from "../constructs/tenant-endpoint";
import { CAPTURE_EXPIRE_AFTER_DAYS, CAPTURE_GLACIER_AFTER_DAYS, DataStack } from "../stacks/data-stack";
import { CDK_CONTEXT } from "./synth";
import { synthesized } from "./synthesized";
import { asList, logicalIdOf, resourcesOf, type PolicyStatement } from "./template-helpers";

let data: Template;
let service: Template;
let dataKey: string;
const config = defaultConfig();

beforeAll(() => {
  ({ data, service } = synthesized());
  dataKey = logicalIdOf(data, "AWS::KMS::Key", "DataKey");
}, 120_000);

const dataKeyArn = () => ({ "Fn::GetAtt": [dataKey, "Arn"] });

describe("data stack", () => {
  it("has the customer-managed key, rotated", () => {
    data.hasResourceProperties("AWS::KMS::Key", { EnableKeyRotation: true });
  });

  it("provisions every table of lib/aws/resources.ts on demand, with PITR, the CMK and TTL", () => {
    data.resourceCountIs("AWS::DynamoDB::Table", TABLES.length);
    data.hasResourceProperties("AWS::DynamoDB::Table", {
      KeySchema: [
        { AttributeName: MAIN_TABLE.partitionKey, KeyType: "HASH" },
        { AttributeName: MAIN_TABLE.sortKey, KeyType: "RANGE" },
      ],
      BillingMode: "PAY_PER_REQUEST",
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: "KMS", KMSMasterKeyId: dataKeyArn() },
      TimeToLiveSpecification: { AttributeName: MAIN_TABLE.timeToLiveAttribute, Enabled: true },
      GlobalSecondaryIndexes: MAIN_TABLE.globalSecondaryIndexes.map((index) =>
        Match.objectLike({ IndexName: index.indexName, Projection: { ProjectionType: "ALL" } }),
      ),
    });
    for (const [, table] of resourcesOf(data, "AWS::DynamoDB::Table")) {
      expect(table.Properties?.SSESpecification).toEqual({ SSEEnabled: true, SSEType: "KMS", KMSMasterKeyId: dataKeyArn() });
    }
  });

  it("retains and deletion-protects data in production, and only there", () => {
    const app = new App({ context: CDK_CONTEXT, builtinCloudFormationValidation: false });
    const production = Template.fromStack(new DataStack(app, "Production", { config: defaultConfig({ stage: "production" }) }));
    production.hasResource("AWS::DynamoDB::Table", {
      DeletionPolicy: "Retain",
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
    for (const type of ["AWS::S3::Bucket", "AWS::KMS::Key", "AWS::Cognito::UserPool"]) {
      for (const [id, resource] of resourcesOf(production, type)) expect(resource.DeletionPolicy, id).toBe("Retain");
    }
    data.hasResource("AWS::DynamoDB::Table", {
      DeletionPolicy: "Delete",
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });
});

describe("buckets", () => {
  const allBuckets = () => [...resourcesOf(data, "AWS::S3::Bucket"), ...resourcesOf(service, "AWS::S3::Bucket")];
  /** S3 server access logs and ALB/CloudFront logs can be delivered only to SSE-S3 buckets. */
  const isLogBucket = (id: string) => id.startsWith("AccessLogs") || id.startsWith("ConsoleEdgeLogs");

  it("blocks public access on every bucket and encrypts every data bucket with the CMK", () => {
    const buckets = allBuckets();
    expect(buckets.filter(([id]) => !isLogBucket(id))).toHaveLength(2);
    for (const [id, bucket] of buckets) {
      expect(bucket.Properties?.PublicAccessBlockConfiguration, id).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      const sse = (bucket.Properties?.BucketEncryption as { ServerSideEncryptionConfiguration: unknown[] })
        .ServerSideEncryptionConfiguration;
      if (isLogBucket(id)) {
        expect(sse, id).toEqual([{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }]);
      } else {
        expect(sse, id).toEqual([
          { BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: dataKeyArn() } },
        ]);
        expect(bucket.Properties?.VersioningConfiguration, id).toEqual({ Status: "Enabled" });
        expect(JSON.stringify(bucket.Properties?.LoggingConfiguration), id).toMatch(/"DestinationBucketName":\{"Ref":"AccessLogs/);
      }
    }
  });

  it("refuses requests without TLS on every bucket", () => {
    const policies = [...resourcesOf(data, "AWS::S3::BucketPolicy"), ...resourcesOf(service, "AWS::S3::BucketPolicy")];
    const secured = policies
      .filter(([, p]) =>
        asList((p.Properties?.PolicyDocument as { Statement: Array<{ Effect: string }> }).Statement).some(
          (s) => s.Effect === "Deny" && JSON.stringify(s).includes('"Condition":{"Bool":{"aws:SecureTransport":"false"}}'),
        ),
      )
      .map(([, p]) => (p.Properties?.Bucket as { Ref: string }).Ref)
      .sort();
    expect(secured).toEqual(
      allBuckets()
        .map(([id]) => id)
        .sort(),
    );
  });

  it("moves data capture to Glacier after 90 days and expires it after 7 years", () => {
    expect(CAPTURE_GLACIER_AFTER_DAYS).toBe(90);
    expect(CAPTURE_EXPIRE_AFTER_DAYS).toBe(2557);
    data.hasResourceProperties("AWS::S3::Bucket", {
      BucketName: { "Fn::Join": ["", ["fraud-console-capture-", { Ref: "AWS::AccountId" }, "-", { Ref: "AWS::Region" }]] },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({
            Status: "Enabled",
            Transitions: [{ StorageClass: "GLACIER", TransitionInDays: 90 }],
            ExpirationInDays: 2557,
          }),
        ]),
      },
    });
  });
});

describe("per tenant ML", () => {
  it.each(config.tenants)(
    "$tenantId: an endpoint config from lib/deployments with two production variants, data capture and Clarify",
    (tenant) => {
      const expected = buildEndpointConfigInput(firstDeploymentSpec(tenant, "bucket"), {
        endpointConfigName: "x",
        tenantId: tenant.tenantId,
      });
      const [[, config] = []] = resourcesOf(service, "AWS::SageMaker::EndpointConfig").filter(([, c]) =>
        String(c.Properties?.EndpointConfigName).startsWith(`${tenant.endpointName}-d0-`),
      );
      expect(config, tenant.endpointName).toBeDefined();
      const props = config!.Properties!;
      expect(props.ProductionVariants).toEqual(expected.ProductionVariants);
      expect(props.ProductionVariants).toHaveLength(2);
      expect(props.ExplainerConfig).toEqual(expected.ExplainerConfig);
      expect(props.ExplainerConfig).toMatchObject({ ClarifyExplainerConfig: { EnableExplanations: "`false`" } });
      expect(JSON.stringify(props.KmsKeyId)).toMatch(/"Fn::ImportValue":"[^"]*DataKey/);
      const { DestinationS3Uri, KmsKeyId, ...capture } = props.DataCaptureConfig as Record<string, unknown>;
      const { DestinationS3Uri: _expectedUri, ...expectedCapture } = expected.DataCaptureConfig!;
      expect(capture).toEqual(expectedCapture);
      expect(capture).toMatchObject({ EnableCapture: true, InitialSamplingPercentage: 100 });
      expect(KmsKeyId).toEqual(props.KmsKeyId);
      expect(JSON.stringify(DestinationS3Uri)).toContain(`fraud-console-capture-`);
      expect(JSON.stringify(DestinationS3Uri)).toContain(`/${CAPTURE_PREFIX}`);
      expect(props.Tags).toContainEqual({ Key: "tenant", Value: tenant.tenantId });
    },
  );

  it.each(config.tenants)(
    "$tenantId: the endpoint keeps the console's weights, and its production variant autoscales on InvocationsPerInstance",
    (tenant) => {
      service.hasResourceProperties("AWS::SageMaker::Endpoint", { EndpointName: tenant.endpointName, RetainAllVariantProperties: true });
      service.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", {
        ResourceId: `endpoint/${tenant.endpointName}/variant/production`,
        ScalableDimension: "sagemaker:variant:DesiredInstanceCount",
        ServiceNamespace: "sagemaker",
        MinCapacity: config.autoscaling.minInstances,
        MaxCapacity: config.autoscaling.maxInstances,
      });
      service.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", {
        PolicyType: "TargetTrackingScaling",
        TargetTrackingScalingPolicyConfiguration: Match.objectLike({
          PredefinedMetricSpecification: { PredefinedMetricType: "SageMakerVariantInvocationsPerInstance" },
          TargetValue: config.autoscaling.invocationsPerInstancePerMinute,
        }),
      });
    },
  );

  it.each(config.tenants)("$tenantId: a model package group with the committed versions and a model per served version", (tenant) => {
    service.hasResourceProperties("AWS::SageMaker::ModelPackageGroup", { ModelPackageGroupName: tenant.modelPackageGroupName });
    for (const version of [tenant.productionVersion, tenant.canaryVersion]) {
      service.hasResourceProperties("AWS::SageMaker::Model", {
        ModelName: `${tenant.modelPackageGroupName}-v${version}`,
        Tags: Match.arrayWith([{ Key: "model-version", Value: String(version) }]),
      });
      service.hasResourceProperties("AWS::SageMaker::ModelPackage", {
        ModelPackageGroupName: tenant.modelPackageGroupName,
        ModelApprovalStatus: "Approved",
        CustomerMetadataProperties: { tenant: tenant.tenantId, artifactVersion: `v${version}` },
      });
    }
  });

  it("lets each execution role write its training jobs' output to /aws/sagemaker/TrainingJobs (developer guide: CreateTrainingJob execution role)", () => {
    for (const tenant of config.tenants) {
      const role = logicalIdOf(service, "AWS::IAM::Role", `Tenant${tenant.tenantId.replace(/-/g, "")}ExecutionRole`);
      const statements = resourcesOf(service, "AWS::IAM::Policy")
        .filter(([, p]) => JSON.stringify(p.Properties?.Roles).includes(role))
        .flatMap(([, p]) => asList((p.Properties?.PolicyDocument as { Statement: PolicyStatement[] }).Statement));
      const training = statements.filter((s) => JSON.stringify(s.Resource).includes(":log-group:/aws/sagemaker/TrainingJobs:*"));
      expect(training.flatMap((s) => asList(s.Action)).sort()).toEqual([
        "logs:CreateLogGroup",
        "logs:CreateLogStream",
        "logs:DescribeLogStreams",
        "logs:PutLogEvents",
      ]);
      expect(training.flatMap((s) => asList(s.Resource))).toHaveLength(1);
    }
  });

  it("never lets one tenant's execution role reach another tenant's artifacts or capture", () => {
    for (const tenant of config.tenants) {
      const role = logicalIdOf(service, "AWS::IAM::Role", `Tenant${tenant.tenantId.replace(/-/g, "")}ExecutionRole`);
      const [[, policy] = []] = resourcesOf(service, "AWS::IAM::Policy").filter(([, p]) =>
        JSON.stringify(p.Properties?.Roles).includes(role),
      );
      const text = JSON.stringify(policy);
      for (const other of config.tenants.filter((t) => t !== tenant)) {
        expect(text).not.toContain(other.modelPackageGroupName);
        expect(text).not.toContain(other.endpointName);
      }
      expect(text).toContain(`/${tenant.modelPackageGroupName}/*`);
      expect(text).toContain(`/${CAPTURE_PREFIX}/${tenant.endpointName}/*`);
    }
  });
});

describe("the stacks", () => {
  it("are environment-agnostic (synthesised offline: no account, no Region, no look-ups)", () => {
    const { data: d, service: s } = synthesized().stacks;
    for (const stack of [d, s] as Stack[]) {
      expect(stack.environment).toBe("aws://unknown-account/unknown-region");
    }
  });
});
