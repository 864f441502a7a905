import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { DescribeModelPackageCommand, type SageMakerClient } from "@aws-sdk/client-sagemaker";
import { s3Client, sageMakerClient } from "@/lib/aws/clients";
import { evaluationSchema, toModelMetrics, type ModelMetrics } from "./model-metrics";

export interface ModelMetricsDeps {
  sageMaker?: Pick<SageMakerClient, "send">;
  s3?: Pick<S3Client, "send">;
}

function parseS3Uri(uri: string): { Bucket: string; Key: string } | null {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  return match ? { Bucket: match[1]!, Key: match[2]! } : null;
}

/**
 * The evaluation a model package points at (ModelMetrics.ModelQuality.Statistics), or null when the
 * version has none or it cannot be read: a missing figure is shown as missing, never as a guess.
 * Callers pass ARNs from the tenant's own group listing.
 */
export async function getModelMetrics(modelPackageArn: string, deps: ModelMetricsDeps = {}): Promise<ModelMetrics | null> {
  try {
    const described = await (deps.sageMaker ?? sageMakerClient()).send(
      new DescribeModelPackageCommand({ ModelPackageName: modelPackageArn }),
    );
    const location = parseS3Uri(described.ModelMetrics?.ModelQuality?.Statistics?.S3Uri ?? "");
    if (!location) return null;
    const object = await (deps.s3 ?? s3Client()).send(new GetObjectCommand(location));
    const parsed = evaluationSchema.safeParse(JSON.parse((await object.Body?.transformToString()) ?? "null"));
    return parsed.success ? toModelMetrics(parsed.data) : null;
  } catch (error) {
    console.warn(`model metrics unavailable for ${modelPackageArn}: ${(error as Error).message}`);
    return null;
  }
}
