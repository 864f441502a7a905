import type { TrainingJobRecord, TrainingJobStatus } from "../state/types";

/**
 * Status bookkeeping of a training job as DescribeTrainingJob shows it (API reference,
 * SecondaryStatusTransition): InProgress runs through Starting → Downloading → Training → Uploading;
 * the job ends Completed, Failed (with FailureReason), or Stopped (secondary Stopped, or
 * MaxRuntimeExceeded when StoppingCondition ended it), through Stopping when it was stopped.
 * Each transition's EndTime is the next one's StartTime; a final one starts and ends together.
 * The messages are those SageMaker shows for each secondary status.
 */
export const STATUS_MESSAGES = {
  Starting: "Launching requested ML instances",
  Downloading: "Downloading input data",
  Training: "Training image download completed. Training in progress.",
  Uploading: "Uploading generated training model",
  Completed: "Training job completed",
  Failed: "Training job failed",
  Stopping: "Stopping the training job",
  Stopped: "Training job stopped",
  MaxRuntimeExceeded: "Training job exceeded MaxRuntimeInSeconds provided",
} as const;

export type SecondaryStatus = keyof typeof STATUS_MESSAGES;

const FINAL: Record<string, TrainingJobStatus> = {
  Completed: "Completed",
  Failed: "Failed",
  Stopped: "Stopped",
  MaxRuntimeExceeded: "Stopped",
};

/** FailureReason's length limit (API reference, DescribeTrainingJob: maximum length of 1024). */
const MAX_REASON = 1024;

export function transition(job: TrainingJobRecord, status: SecondaryStatus, now: number): void {
  const previous = job.SecondaryStatusTransitions.at(-1);
  if (previous && previous.EndTime === undefined) previous.EndTime = now;
  const final = FINAL[status];
  job.SecondaryStatusTransitions.push({
    Status: status,
    StartTime: now,
    ...(final ? { EndTime: now } : {}),
    StatusMessage: STATUS_MESSAGES[status],
  });
  job.SecondaryStatus = status;
  job.LastModifiedTime = now;
  if (status === "Stopping") job.TrainingJobStatus = "Stopping";
  if (final) {
    job.TrainingJobStatus = final;
    job.TrainingEndTime = now;
    job.TrainingStartTime ??= now;
  }
}

export function fail(job: TrainingJobRecord, reason: string, now: number): void {
  job.FailureReason = reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON - 1)}…` : reason;
  transition(job, "Failed", now);
}
