import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ArnFormat, Duration, Stack } from "aws-cdk-lib";
import * as appscaling from "aws-cdk-lib/aws-applicationautoscaling";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as kms from "aws-cdk-lib/aws-kms";
import type * as s3 from "aws-cdk-lib/aws-s3";
import * as sagemaker from "aws-cdk-lib/aws-sagemaker";
import { Construct, type IDependable } from "constructs";
import {
  buildEndpointConfigInput,
  endpointConfigNameFor,
  MODEL_VERSION_TAG,
  modelNameFor,
  TENANT_TAG,
} from "@/lib/deployments/build-endpoint-config";
import { parseDeploymentSpec, type DeploymentSpec } from "@/lib/deployments/deployment-spec";
import { FEATURE_NAMES } from "@/lib/features/schema";
import { TRAINING_LOG_GROUP } from "@/lib/training/log-group";
import type { AppConfig, TenantDeployment } from "../config";
import { camelCaseKeys } from "./camel-case-keys";
import { ARTIFACTS_DIR, artifactKey, medianRecord, nagBucketArn } from "./model-artifacts";
import { acknowledge } from "./nag";
import type { XgboostImage } from "./xgboost-image";

/** Where SageMaker writes data capture: `<prefix>/<endpoint>/<variant>/yyyy/mm/dd/hh/…` (lib/capture reads it). */
export const CAPTURE_PREFIX = "datacapture";
export const PRODUCTION_VARIANT = "production";
export const CANARY_VARIANT = "canary";
/**
 * lib/training's layout in the models bucket: `training/<tenant>/<job>/data/` (the prepared
 * channels), `training/<tenant>/jobs/<job>/output/` (what the job writes; registered versions point
 * there) and `training/code/` (the script-mode source archive).
 */
export const TRAINING_PREFIX = "training";

export interface TenantEndpointProps {
  readonly tenant: TenantDeployment;
  readonly config: AppConfig;
  readonly key: kms.IKey;
  readonly modelsBucket: s3.IBucket;
  readonly captureBucket: s3.IBucket;
  readonly xgboostImage: XgboostImage;
  /** The buckets' names as cdk-nag prints them, for the acknowledgements. */
  readonly nagNames: { modelsBucket: string; captureBucket: string };
  /** What must exist before models are registered and created: the uploaded artifacts. */
  readonly artifactsUploaded: IDependable;
}

/** The committed versions of a group, ascending (infra/model/artifacts/<group>/v<N>). */
export function committedVersions(group: string): number[] {
  return readdirSync(path.join(ARTIFACTS_DIR, group))
    .map((name) => /^v(\d+)$/.exec(name)?.[1])
    .filter((v): v is string => v !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * The first deployment of a tenant as lib/deployments describes one: production on every request,
 * the canary variant at weight 0 (present, so the console can shift traffic without a new config),
 * data capture of every request, Clarify explanations off unless a request asks.
 */
export function firstDeploymentSpec(tenant: TenantDeployment, captureBucketName: string): DeploymentSpec {
  return parseDeploymentSpec({
    modelPackageGroupName: tenant.modelPackageGroupName,
    variants: [
      { variantName: PRODUCTION_VARIANT, role: "production", modelVersion: tenant.productionVersion, weight: 1 },
      { variantName: CANARY_VARIANT, role: "canary", modelVersion: tenant.canaryVersion, weight: 0 },
    ],
    dataCapture: { samplingPercentage: 100, destinationS3Uri: `s3://${captureBucketName}/${CAPTURE_PREFIX}` },
    explainer: { featureHeaders: [...FEATURE_NAMES], shapBaseline: medianRecord(tenant.modelPackageGroupName, tenant.productionVersion) },
  });
}

/**
 * One tenant's ML backend: its model package group with the committed versions registered, an
 * execution role that reaches only its own artifacts and capture prefix, a SageMaker model per
 * served version, the endpoint config built by lib/deployments (the same builder the console's
 * deploys and the local seed use) and the endpoint, with autoscaling on the production variant.
 */
export class TenantEndpoint extends Construct {
  readonly endpoint: sagemaker.CfnEndpoint;
  readonly endpointConfig: sagemaker.CfnEndpointConfig;
  readonly executionRole: iam.Role;
  readonly modelPackageGroup: sagemaker.CfnModelPackageGroup;
  readonly spec: DeploymentSpec;
  readonly endpointName: string;

  constructor(scope: Construct, id: string, props: TenantEndpointProps) {
    super(scope, id);
    const { tenant, modelsBucket, captureBucket, key } = props;
    const stack = Stack.of(this);
    const group = tenant.modelPackageGroupName;
    this.endpointName = tenant.endpointName;
    const tags = [{ key: TENANT_TAG, value: tenant.tenantId }];
    const s3Uri = (version: number, file: string) => `s3://${modelsBucket.bucketName}/${artifactKey(group, version, file)}`;

    this.executionRole = new iam.Role(this, "ExecutionRole", {
      assumedBy: new iam.ServicePrincipal("sagemaker.amazonaws.com"),
      description: `SageMaker execution role of ${tenant.tenantId}: its artifacts, its capture prefix, the XGBoost image`,
    });
    this.executionRole.addToPolicy(
      new iam.PolicyStatement({ actions: ["s3:GetObject"], resources: [modelsBucket.arnForObjects(`${group}/*`)] }),
    );
    this.executionRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ["s3:PutObject"],
        resources: [captureBucket.arnForObjects(`${CAPTURE_PREFIX}/${tenant.endpointName}/*`)],
      }),
    );
    // Retraining (lib/training): the tenant's training jobs read its prepared data and the script,
    // write their output under its own prefix; models it registers are served from there.
    this.executionRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ["s3:GetObject"],
        resources: [
          modelsBucket.arnForObjects(`${TRAINING_PREFIX}/${tenant.tenantId}/*`),
          modelsBucket.arnForObjects(`${TRAINING_PREFIX}/code/*`),
        ],
      }),
    );
    this.executionRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ["s3:PutObject"],
        resources: [modelsBucket.arnForObjects(`${TRAINING_PREFIX}/${tenant.tenantId}/jobs/*`)],
      }),
    );
    this.executionRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ["s3:ListBucket"],
        resources: [modelsBucket.bucketArn],
        conditions: { StringLike: { "s3:prefix": [`${TRAINING_PREFIX}/${tenant.tenantId}/*`] } },
      }),
    );
    key.grant(this.executionRole, "kms:Decrypt", "kms:GenerateDataKey", "kms:CreateGrant", "kms:DescribeKey");
    const logGroup = (name: string) =>
      stack.formatArn({ service: "logs", resource: "log-group", resourceName: `${name}:*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    this.executionRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
        resources: [logGroup(`/aws/sagemaker/Endpoints/${tenant.endpointName}`)],
      }),
    );
    // Training jobs write the container's output to SageMaker's one group; the developer guide's
    // "CreateTrainingJob API: Execution Role Permissions" adds DescribeLogStreams to the three.
    this.executionRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
        resources: [logGroup(TRAINING_LOG_GROUP)],
      }),
    );
    this.executionRole.addToPolicy(new iam.PolicyStatement({ actions: ["ecr:GetAuthorizationToken"], resources: ["*"] }));
    this.executionRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"],
        resources: [props.xgboostImage.repositoryArn],
      }),
    );
    const role = this.executionRole;
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::${nagBucketArn(props.nagNames.modelsBucket)}/${group}/*]`,
      "SageMaker reads the tenant's own prefix of the models bucket: every version of its group, including those training registers later.",
    );
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::${nagBucketArn(props.nagNames.captureBucket)}/${CAPTURE_PREFIX}/${tenant.endpointName}/*]`,
      "Data capture writes one object per batch under the endpoint's own prefix (<prefix>/<endpoint>/<variant>/yyyy/mm/dd/hh/), named by SageMaker.",
    );
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:/aws/sagemaker/Endpoints/${tenant.endpointName}:*]`,
      "The endpoint's own log group; its streams are created per instance by SageMaker.",
    );
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::${nagBucketArn(props.nagNames.modelsBucket)}/${TRAINING_PREFIX}/${tenant.tenantId}/*]`,
      "The tenant's training jobs read the channels lib/training prepares under training/<tenant>/<job>/data/, and its registered versions' artifacts under training/<tenant>/jobs/.",
    );
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::${nagBucketArn(props.nagNames.modelsBucket)}/${TRAINING_PREFIX}/code/*]`,
      "The training script's script-mode archive (sagemaker_submit_directory), shared by every tenant and holding no data.",
    );
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::${nagBucketArn(props.nagNames.modelsBucket)}/${TRAINING_PREFIX}/${tenant.tenantId}/jobs/*]`,
      "SageMaker writes each training job's model.tar.gz and output.tar.gz under <S3OutputPath>/<job>/output/, S3OutputPath being the tenant's own prefix.",
    );
    acknowledge(
      role,
      "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:/aws/sagemaker/TrainingJobs:*]",
      "SageMaker's one log group for all training jobs; each job writes its own streams (<job>/algo-1-…), whose names are not known before the job.",
    );
    acknowledge(
      role,
      "AwsSolutions-IAM5[Resource::*]",
      "ecr:GetAuthorizationToken has no resource-level permissions (ECR service authorization reference); the pulls themselves are limited to the sagemaker-xgboost repository.",
    );

    this.modelPackageGroup = new sagemaker.CfnModelPackageGroup(this, "ModelPackageGroup", {
      modelPackageGroupName: group,
      modelPackageGroupDescription: `Fraud models of ${tenant.name}`,
      tags,
    });

    // Registered one after another so that version numbers follow v1, v2, … as committed.
    const served = new Set([tenant.productionVersion, tenant.canaryVersion]);
    let previous: Construct = this.modelPackageGroup;
    for (const version of committedVersions(group)) {
      const modelPackage = new sagemaker.CfnModelPackage(this, `Version${version}`, {
        modelPackageGroupName: group,
        modelPackageDescription: modelDescription(group, version),
        modelApprovalStatus: served.has(version) ? "Approved" : "PendingManualApproval",
        inferenceSpecification: {
          containers: [{ image: props.xgboostImage.uri, modelDataUrl: s3Uri(version, "model.tar.gz") }],
          supportedContentTypes: ["text/csv"],
          supportedResponseMimeTypes: ["text/csv", "application/json"],
        },
        modelMetrics: { modelQuality: { statistics: { contentType: "application/json", s3Uri: s3Uri(version, "evaluation.json") } } },
        driftCheckBaselines: {
          modelDataQuality: { statistics: { contentType: "application/json", s3Uri: s3Uri(version, "baseline.json") } },
        },
        customerMetadataProperties: { tenant: tenant.tenantId, artifactVersion: `v${version}` },
      });
      modelPackage.node.addDependency(previous, props.artifactsUploaded);
      previous = modelPackage;
    }

    this.spec = firstDeploymentSpec(tenant, captureBucket.bucketName);
    const models = [...new Set(this.spec.variants.map((v) => v.modelVersion))].map((version) => {
      const model = new sagemaker.CfnModel(this, `ModelV${version}`, {
        modelName: modelNameFor(group, version),
        executionRoleArn: this.executionRole.roleArn,
        primaryContainer: { image: props.xgboostImage.uri, modelDataUrl: s3Uri(version, "model.tar.gz") },
        tags: [...tags, { key: MODEL_VERSION_TAG, value: String(version) }],
      });
      model.node.addDependency(this.executionRole, props.artifactsUploaded);
      return model;
    });

    // A changed config is a replacement, so its name follows its content: deployment 0 (the
    // infrastructure's) in lib/deployments' naming, which the console's role is scoped by.
    const input = buildEndpointConfigInput(this.spec, {
      endpointConfigName: endpointConfigNameFor(tenant.endpointName, 0, specDigest(this.spec)),
      tenantId: tenant.tenantId,
    });
    const configProps = camelCaseKeys(input) as sagemaker.CfnEndpointConfigProps;
    this.endpointConfig = new sagemaker.CfnEndpointConfig(this, "EndpointConfig", {
      ...configProps,
      kmsKeyId: key.keyArn,
      dataCaptureConfig:
        configProps.dataCaptureConfig &&
        ({ ...(configProps.dataCaptureConfig as object), kmsKeyId: key.keyArn } as sagemaker.CfnEndpointConfig.DataCaptureConfigProperty),
    });
    for (const model of models) this.endpointConfig.node.addDependency(model);

    this.endpoint = new sagemaker.CfnEndpoint(this, "Endpoint", {
      endpointName: tenant.endpointName,
      endpointConfigName: this.endpointConfig.attrEndpointConfigName,
      // Keep the weights and instance counts the console (or autoscaling) set when an
      // infrastructure deploy updates the endpoint.
      retainAllVariantProperties: true,
      tags,
    });

    const scaling = props.config.autoscaling;
    const target = new appscaling.ScalableTarget(this, "ProductionScaling", {
      serviceNamespace: appscaling.ServiceNamespace.SAGEMAKER,
      resourceId: `endpoint/${tenant.endpointName}/variant/${PRODUCTION_VARIANT}`,
      scalableDimension: "sagemaker:variant:DesiredInstanceCount",
      minCapacity: scaling.minInstances,
      maxCapacity: scaling.maxInstances,
    });
    target.node.addDependency(this.endpoint);
    target.scaleToTrackMetric("InvocationsPerInstance", {
      predefinedMetric: appscaling.PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE,
      targetValue: scaling.invocationsPerInstancePerMinute,
      scaleOutCooldown: Duration.minutes(1),
      scaleInCooldown: Duration.minutes(5),
    });
  }

  /** The endpoint's ARN, for the console's and the rollback Lambda's policies. */
  get endpointArn(): string {
    return Stack.of(this).formatArn({ service: "sagemaker", resource: "endpoint", resourceName: this.endpointName.toLowerCase() });
  }
}

/** Eight hex digits of the spec, with the capture bucket's token left out (it is the same bucket). */
function specDigest(spec: DeploymentSpec): string {
  const stable = { ...spec, dataCapture: spec.dataCapture && { ...spec.dataCapture, destinationS3Uri: CAPTURE_PREFIX } };
  return createHash("sha256").update(JSON.stringify(stable)).digest("hex").slice(0, 8);
}

function modelDescription(group: string, version: number): string {
  const card = JSON.parse(readFileSync(path.join(ARTIFACTS_DIR, group, `v${version}`, "model-card.json"), "utf8")) as {
    description?: string;
  };
  return (card.description ?? `Version ${version}`).slice(0, 1000);
}
