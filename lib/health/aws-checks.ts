import { GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { HeadBucketCommand } from "@aws-sdk/client-s3";
import { ListEndpointsCommand } from "@aws-sdk/client-sagemaker";
import { cloudWatchClient, dynamoClient, s3Client, sageMakerClient } from "@/lib/aws/clients";
import { env } from "@/lib/env";
import type { HealthCheck } from "./check-health";

/**
 * One cheap, read-only call per dependency the console needs: the main table, the models bucket,
 * the SageMaker control plane and CloudWatch metrics.
 */
export function awsHealthChecks(): Record<"dynamodb" | "s3" | "sagemaker" | "cloudwatch", HealthCheck> {
  const config = env();
  return {
    dynamodb: (abortSignal) => dynamoClient().send(new DescribeTableCommand({ TableName: config.TABLE_NAME }), { abortSignal }),
    s3: (abortSignal) => s3Client().send(new HeadBucketCommand({ Bucket: config.MODELS_BUCKET }), { abortSignal }),
    sagemaker: (abortSignal) => sageMakerClient().send(new ListEndpointsCommand({ MaxResults: 1 }), { abortSignal }),
    cloudwatch: (abortSignal) => cloudWatchClient().send(metricProbe(config.METRICS_NAMESPACE), { abortSignal }),
  };
}

// GetMetricData rather than ListMetrics: it is the call the console depends on (and the one the
// local CloudWatch emulator implements). One metric over five minutes costs next to nothing.
function metricProbe(namespace: string): GetMetricDataCommand {
  const end = new Date();
  return new GetMetricDataCommand({
    StartTime: new Date(end.getTime() - 5 * 60_000),
    EndTime: end,
    MetricDataQueries: [
      { Id: "probe", MetricStat: { Metric: { Namespace: namespace, MetricName: "Decisions" }, Period: 300, Stat: "Sum" } },
    ],
  });
}
