import {
  DescribeLogStreamsCommand,
  GetLogEventsCommand,
  ResourceNotFoundException,
  type CloudWatchLogsClient,
} from "@aws-sdk/client-cloudwatch-logs";
import { DescribeTrainingJobCommand, type SageMakerClient } from "@aws-sdk/client-sagemaker";
import { cloudWatchLogsClient, sageMakerClient } from "@/lib/aws/clients";
import { TRAINING_LOG_GROUP } from "./log-group";
import type { SecondaryTransition } from "./training-job";

export interface TrainingJobState {
  status: "InProgress" | "Completed" | "Failed" | "Stopping" | "Stopped";
  secondaryStatus: string | null;
  transitions: SecondaryTransition[];
  failureReason: string | null;
  trainingStartedAt: string | null;
  trainingEndedAt: string | null;
  trainingSeconds: number | null;
  /** <S3OutputPath>/<job>/output/model.tar.gz once Completed. */
  modelArtifacts: string | null;
  /** FinalMetricDataList: what the script printed, by MetricDefinitions (start-training-job.ts). */
  finalMetrics: Record<string, number>;
}

const isoOrNull = (d: Date | undefined) => (d ? d.toISOString() : null);

/** Step 3 (polled): DescribeTrainingJob, reduced to what the job record keeps. */
export async function checkTrainingJob(
  input: { jobName: string },
  deps: { sageMaker?: Pick<SageMakerClient, "send"> } = {},
): Promise<TrainingJobState> {
  const out = await (deps.sageMaker ?? sageMakerClient()).send(new DescribeTrainingJobCommand({ TrainingJobName: input.jobName }));
  return {
    status: (out.TrainingJobStatus ?? "InProgress") as TrainingJobState["status"],
    secondaryStatus: out.SecondaryStatus ?? null,
    transitions: (out.SecondaryStatusTransitions ?? []).map((t) => ({
      status: t.Status ?? "",
      startTime: isoOrNull(t.StartTime),
      endTime: isoOrNull(t.EndTime),
      message: t.StatusMessage ?? null,
    })),
    failureReason: out.FailureReason ?? null,
    trainingStartedAt: isoOrNull(out.TrainingStartTime),
    trainingEndedAt: isoOrNull(out.TrainingEndTime),
    trainingSeconds: out.TrainingTimeInSeconds ?? null,
    modelArtifacts: out.ModelArtifacts?.S3ModelArtifacts ?? null,
    finalMetrics: Object.fromEntries(
      (out.FinalMetricDataList ?? []).flatMap((m) => (m.MetricName && m.Value !== undefined ? [[m.MetricName, m.Value]] : [])),
    ),
  };
}

/** How many of the newest lines the job record keeps. */
export const LOG_TAIL_LINES = 30;

/**
 * The last lines of the job's log, from CloudWatch Logs as SageMaker writes it (developer guide, "Logs
 * for Built-in Algorithms"): DescribeLogStreams on the job's prefix (`<job>/`, so `job-1` never
 * matches `job-10`'s streams), the stream with the newest event, then GetLogEvents newest first
 * (`startFromHead: false`), which returns that page in time order. Best effort: a job whose stream
 * does not exist yet has no tail, and a failed read is logged and shows none, never failing the step.
 */
export async function readLogTail(jobName: string, deps: { logs?: Pick<CloudWatchLogsClient, "send"> } = {}): Promise<string[]> {
  const logs = deps.logs ?? cloudWatchLogsClient();
  try {
    const { logStreams = [] } = await logs.send(
      new DescribeLogStreamsCommand({ logGroupName: TRAINING_LOG_GROUP, logStreamNamePrefix: `${jobName}/` }),
    );
    const newest = logStreams.reduce<(typeof logStreams)[number] | undefined>(
      (best, s) => (!best || (s.lastEventTimestamp ?? 0) > (best.lastEventTimestamp ?? 0) ? s : best),
      undefined,
    );
    if (!newest?.logStreamName) return [];
    const { events = [] } = await logs.send(
      new GetLogEventsCommand({
        logGroupName: TRAINING_LOG_GROUP,
        logStreamName: newest.logStreamName,
        startFromHead: false,
        limit: LOG_TAIL_LINES,
      }),
    );
    return events.flatMap((e) => (e.message === undefined ? [] : [e.message.replace(/\r?\n$/, "")]));
  } catch (error) {
    // No log group yet: no job of the account has written a line.
    if (error instanceof ResourceNotFoundException) return [];
    console.warn(`training job ${jobName}: could not read its log tail from CloudWatch Logs`, error);
    return [];
  }
}
