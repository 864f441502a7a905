import { DescribeTrainingJobCommand, type SageMakerClient } from "@aws-sdk/client-sagemaker";
import { sageMakerClient } from "@/lib/aws/clients";
import { env } from "@/lib/env";
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

/**
 * The last lines of the job's log. On AWS they are in CloudWatch Logs (/aws/sagemaker/TrainingJobs,
 * stream <job>/algo-1-…), which the console has no client for; where a log-tail URL is configured
 * (TRAINING_LOG_TAIL_URL, `{name}` replaced: the local SageMaker's tail of the script's output) it
 * is read from there. Best effort: a missing tail is an empty list, never an error.
 */
export async function readLogTail(jobName: string, fetcher: typeof fetch = fetch): Promise<string[]> {
  const template = env().TRAINING_LOG_TAIL_URL;
  if (!template) return [];
  try {
    const res = await fetcher(template.replace("{name}", encodeURIComponent(jobName)), { signal: AbortSignal.timeout(2_000) });
    if (!res.ok) return [];
    const body = (await res.json()) as { lines?: unknown };
    return Array.isArray(body.lines) ? body.lines.filter((l): l is string => typeof l === "string").slice(-30) : [];
  } catch {
    return [];
  }
}
