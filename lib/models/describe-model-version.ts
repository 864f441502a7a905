import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { DescribeModelPackageCommand, type SageMakerClient } from "@aws-sdk/client-sagemaker";
import { s3Client, sageMakerClient } from "@/lib/aws/clients";
import { approvalOf, type Approval } from "./approval";
import { evaluationSchema, toModelMetrics, type ModelMetrics } from "./model-metrics";
import type { ModelVersion } from "./model-version";

export interface ModelVersionDetails extends ModelVersion {
  approval: Approval;
  /** From the evaluation ModelMetrics.ModelQuality.Statistics points at; null when unreadable. */
  metrics: ModelMetrics | null;
}

export interface DescribeVersionDeps {
  sageMaker?: Pick<SageMakerClient, "send">;
  s3?: Pick<S3Client, "send">;
}

function parseS3Uri(uri: string): { Bucket: string; Key: string } | null {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  return match ? { Bucket: match[1]!, Key: match[2]! } : null;
}

async function readEvaluation(uri: string | undefined, s3: Pick<S3Client, "send">, arn: string): Promise<ModelMetrics | null> {
  const location = parseS3Uri(uri ?? "");
  if (!location) return null;
  try {
    const object = await s3.send(new GetObjectCommand(location));
    const parsed = evaluationSchema.safeParse(JSON.parse((await object.Body?.transformToString()) ?? "null"));
    return parsed.success ? toModelMetrics(parsed.data) : null;
  } catch (error) {
    // A missing figure is shown as missing (and the gates refuse), never guessed.
    console.warn(`evaluation unavailable for ${arn}: ${(error as Error).message}`);
    return null;
  }
}

/**
 * One version with its approval (who, when, comment) and its evaluation. `version` comes from the
 * tenant's own group listing, so the ARN is the tenant's; SageMaker errors are the caller's.
 */
export async function describeModelVersion(version: ModelVersion, deps: DescribeVersionDeps = {}): Promise<ModelVersionDetails> {
  const described = await (deps.sageMaker ?? sageMakerClient()).send(new DescribeModelPackageCommand({ ModelPackageName: version.arn }));
  const metrics = await readEvaluation(described.ModelMetrics?.ModelQuality?.Statistics?.S3Uri, deps.s3 ?? s3Client(), version.arn);
  return { ...version, approvalStatus: described.ModelApprovalStatus ?? version.approvalStatus, approval: approvalOf(described), metrics };
}
