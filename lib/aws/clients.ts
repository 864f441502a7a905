import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { SageMakerRuntimeClient } from "@aws-sdk/client-sagemaker-runtime";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { env } from "@/lib/env";

/**
 * The one module that builds AWS SDK clients. Every client takes region, credentials and endpoint
 * from the SDK's standard configuration (AWS_REGION, the default credential chain,
 * AWS_ENDPOINT_URL_<SERVICE>), so pointing the console at the local stack or at AWS is configuration
 * only. Clients are built on first use and reused: each one owns a keep-alive connection pool.
 */

// Keep-alive matters on the scoring path: a new TCP connection per InvokeEndpoint costs more than
// the call. maxSockets bounds concurrency per client towards one host.
const requestHandler = { httpAgent: { keepAlive: true, maxSockets: 256 }, httpsAgent: { keepAlive: true, maxSockets: 256 } };

function lazy<T>(build: () => T): () => T {
  let instance: T | undefined;
  return () => (instance ??= build());
}

export const dynamoClient = lazy(() => new DynamoDBClient({ requestHandler }));

/** Document client: plain JS values in and out; undefined attributes are dropped rather than rejected. */
export const documentClient = lazy(() => DynamoDBDocumentClient.from(dynamoClient(), { marshallOptions: { removeUndefinedValues: true } }));

/**
 * cacheMiddleware as on the scoring client: the drift job GETs every capture object of its window
 * (576 for a day of two variants), and resolving the middleware stack per call took 13–32% of the
 * client's CPU per GetObject (576 small GETs against the local S3). Nothing adds middleware to this
 * client or its commands; a send() with per-call options resolves the stack as before.
 */
export const s3Client = lazy(() => new S3Client({ requestHandler, forcePathStyle: env().S3_FORCE_PATH_STYLE, cacheMiddleware: true }));

export const sageMakerClient = lazy(() => new SageMakerClient({ requestHandler }));

/**
 * The scoring hot path's client, tuned (measured with bench/score-profile.ts at concurrency 1):
 * - cacheMiddleware: resolve the middleware stack once per command class instead of per call
 *   (~0.1 ms of CPU per InvokeEndpoint). It applies only to send() without per-call options, so
 *   lib/scoring passes no abortSignal and bounds its wait itself (the SDK's abort wiring cost as much).
 * - requestTimeout: what frees the socket of a hung model call instead, as no abortSignal does; 10 s
 *   is the largest timeout budget a tenant may set (lib/settings), SageMaker's own limit is 60 s.
 */
export const sageMakerRuntimeClient = lazy(
  () =>
    new SageMakerRuntimeClient({
      cacheMiddleware: true,
      requestHandler: { ...requestHandler, requestTimeout: 10_000, throwOnRequestTimeout: true },
    }),
);

export const cloudWatchClient = lazy(() => new CloudWatchClient({ requestHandler }));

/** CloudWatch Logs (AWS_ENDPOINT_URL_CLOUDWATCH_LOGS): where SageMaker writes a training job's output. */
export const cloudWatchLogsClient = lazy(() => new CloudWatchLogsClient({ requestHandler }));
