import { readFileSync } from "node:fs";
import path from "node:path";
import type * as s3 from "aws-cdk-lib/aws-s3";
import * as s3deploy from "aws-cdk-lib/aws-s3-deployment";
import { Construct } from "constructs";
import { acknowledge } from "./nag";

/** The committed model versions (model.tar.gz, evaluation, baseline, card) per model package group. */
export const ARTIFACTS_DIR = path.resolve(import.meta.dirname, "../../model/artifacts");

/** Object key of a committed artifact: the same layout the local seed uploads (`<group>/v<N>/<file>`). */
export const artifactKey = (group: string, version: number, file: string) => `${group}/v${version}/${file}`;

/**
 * One CSV record of the training data's per-feature medians, from a version's drift baseline:
 * the record Clarify's Kernel SHAP starts from (ShapBaselineConfig.ShapBaseline).
 */
export function medianRecord(group: string, version: number): string {
  const file = path.join(ARTIFACTS_DIR, group, `v${version}`, "baseline.json");
  const baseline = JSON.parse(readFileSync(file, "utf8")) as { features: Array<{ quantiles?: { p50?: number } }> };
  return baseline.features.map((f) => (f.quantiles?.p50 ?? "").toString()).join(",");
}

export interface ModelArtifactsProps {
  readonly bucket: s3.IBucket;
}

/**
 * Uploads the committed artifacts to the models bucket at deploy time (a zip asset staged at synth:
 * no Docker). It never prunes: versions that training registers later live beside them.
 */
export class ModelArtifacts extends Construct {
  readonly deployment: s3deploy.BucketDeployment;

  constructor(scope: Construct, id: string, props: ModelArtifactsProps) {
    super(scope, id);
    this.deployment = new s3deploy.BucketDeployment(this, "Upload", {
      sources: [s3deploy.Source.asset(ARTIFACTS_DIR, { exclude: ["**/xgboost-model", "**/*.py", "**/__pycache__"] })],
      destinationBucket: props.bucket,
      prune: false,
      retainOnDelete: true,
      memoryLimit: 512,
    });
  }
}

/**
 * The singleton Lambda that BucketDeployment adds to the stack (aws-cdk-lib's own code, run only
 * while deploying), with its findings acknowledged: its permissions are what CDK grants it on the
 * destination bucket and the asset bucket, and its runtime is CDK's choice.
 */
export function acknowledgeBucketDeploymentHandler(stack: Construct, nagModelsBucket: string): void {
  const handler = stack.node.children.find((c) => c.node.id.startsWith("Custom::CDKBucketDeployment"));
  if (!handler) return;
  const why = "CDK's BucketDeployment handler copies the committed model artifacts into the models bucket during deploys";
  acknowledge(
    handler,
    "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
    `${why}; the basic execution role only lets it write its own logs.`,
  );
  acknowledge(handler, "AwsSolutions-L1", `${why}; its Python runtime is pinned by aws-cdk-lib together with the AWS CLI layer it uses.`);
  for (const action of [
    "s3:GetBucket*",
    "s3:GetObject*",
    "s3:List*",
    "s3:Abort*",
    "s3:DeleteObject*",
    "kms:GenerateDataKey*",
    "kms:ReEncrypt*",
  ]) {
    acknowledge(
      handler,
      `AwsSolutions-IAM5[Action::${action}]`,
      `${why}: CDK's grantRead on the staged asset and grantReadWrite on the models bucket and its key, which \`aws s3 sync\` needs.`,
    );
  }
  acknowledge(
    handler,
    "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]",
    `${why}: it reads the staged zip from the CDK bootstrap asset bucket.`,
  );
  acknowledge(
    handler,
    `AwsSolutions-IAM5[Resource::${nagBucketArn(nagModelsBucket)}/*]`,
    `${why}: it writes every group's v<N>/ prefix of the models bucket.`,
  );
}

/** How cdk-nag writes the ARN of a bucket named `name` (see nagResourceNames) in a finding. */
export const nagBucketArn = (name: string) => `arn:<AWS::Partition>:s3:::${name}`;
