import { randomUUID } from "node:crypto";
import type { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { StopTrainingJobCommand, type SageMakerClient } from "@aws-sdk/client-sagemaker";
import type { S3Client } from "@aws-sdk/client-s3";
import { sageMakerClient } from "@/lib/aws/clients";
import { store, type StoreDeps } from "@/lib/db/store";
import { checkTrainingJob, readLogTail } from "./check-training-job";
import { prepareTrainingData } from "./prepare-training-data";
import { registerTrainedModel } from "./register-trained-model";
import { startTrainingJob } from "./start-training-job";
import { claimStep, completeStep, getTrainingJobItem, releaseLock, type TrainingJobItem } from "./training-store";
import { TrainingRefused } from "./training-refused";
import { isTerminal, type TrainingJob } from "./training-job";

export interface TrainingDeps extends StoreDeps {
  sageMaker?: Pick<SageMakerClient, "send">;
  s3?: Pick<S3Client, "send">;
  /** CloudWatch Logs, where the job's output is (check-training-job.ts readLogTail). */
  logs?: Pick<CloudWatchLogsClient, "send">;
}

/** How long one step may hold the job before another runner may take it over (a crashed process). */
export const STEP_LEASE_MS = 90_000;

type Changes = Partial<TrainingJob>;

const failed = (reason: string, at: Date): Changes => ({
  status: "Failed",
  stage: "done",
  failureReason: reason,
  endedAt: at.toISOString(),
});
const stopped = (at: Date): Changes => ({ status: "Stopped", stage: "done", endedAt: at.toISOString() });

async function runStep(job: TrainingJobItem, deps: TrainingDeps): Promise<Changes> {
  const at = store(deps).now();
  switch (job.stage) {
    case "prepare": {
      if (job.stopRequested) return stopped(at);
      const prepared = await prepareTrainingData({ tenantId: job.tenantId, jobName: job.name, ...job.request }, deps);
      return { stage: "start", parameters: prepared.parameters, channels: prepared.channels };
    }
    case "start": {
      if (job.stopRequested) return stopped(at);
      await startTrainingJob({ jobName: job.name, parameters: job.parameters, channels: job.channels! }, deps);
      return { stage: "train", status: "InProgress" };
    }
    case "train": {
      const state = await checkTrainingJob({ jobName: job.name }, deps);
      const logTail = await readLogTail(job.name, deps);
      const seen: Changes = {
        secondaryStatus: state.secondaryStatus,
        transitions: state.transitions,
        trainingStartedAt: state.trainingStartedAt,
        trainingEndedAt: state.trainingEndedAt,
        trainingSeconds: state.trainingSeconds,
        ...(logTail.length > 0 ? { logTail } : {}),
      };
      if (state.status === "Completed") return { ...seen, stage: "register", status: "Registering", modelArtifacts: state.modelArtifacts };
      if (state.status === "Failed") return { ...seen, ...failed(state.failureReason ?? "SageMaker reported the job Failed", at) };
      if (state.status === "Stopped") return { ...seen, ...stopped(at) };
      return { ...seen, status: state.status };
    }
    case "register": {
      const registered = await registerTrainedModel(
        {
          tenantId: job.tenantId,
          jobName: job.name,
          parameters: job.parameters,
          channels: job.channels!,
          modelArtifacts: job.modelArtifacts!,
        },
        deps,
      );
      const m = registered.metrics;
      // Read the tail once more: on AWS the last lines reach CloudWatch Logs a little after the job ends.
      const logTail = await readLogTail(job.name, deps);
      return {
        ...(logTail.length > 0 ? { logTail } : {}),
        stage: "done",
        status: "Completed",
        endedAt: at.toISOString(),
        registered: {
          version: registered.version,
          arn: registered.arn,
          rocAuc: m.rocAuc,
          prAuc: m.prAuc,
          recallAt80Precision: m.recallAt80Precision,
        },
      };
    }
    default:
      return {};
  }
}

/**
 * Runs the job's current step once, under a lease (training-store.ts claimStep): prepare → start →
 * train (one DescribeTrainingJob per call, until it ends) → register. The local runner and the
 * Step Functions Lambdas (handlers.ts) call this same function; an advance that finds the step
 * claimed by someone else returns the job as it is. A step refused for a reason the user can act on
 * (TrainingRefused: an empty window, a job without reports) fails the job with that reason; any
 * other error leaves the step to be retried once its lease runs out.
 */
export async function advanceTrainingJob(input: { tenantId: string; name: string }, deps: TrainingDeps = {}): Promise<TrainingJob | null> {
  const current = await getTrainingJobItem(input, deps);
  if (!current || isTerminal(current.status)) return current;
  const owner = randomUUID();
  const { now } = store(deps);
  const claimed = await claimStep({ ...input, stage: current.stage, owner, until: new Date(now().getTime() + STEP_LEASE_MS) }, deps);
  if (!claimed) return current;
  let changes: Changes;
  try {
    changes = await runStep(claimed, deps);
  } catch (error) {
    if (!(error instanceof TrainingRefused)) {
      console.error(`training job ${input.name}: step ${claimed.stage} failed, retried later`, error);
      await completeStep({ ...input, owner, changes: {} }, deps);
      throw error;
    }
    changes = failed(error.message, now());
  }
  const after = await completeStep({ ...input, owner, changes }, deps);
  if (after && isTerminal(after.status)) await releaseLock(input, deps);
  return after;
}

/** StopTrainingJob for a job that is training; a job still preparing stops at its next step. */
export async function stopSageMakerJob(job: TrainingJob, deps: TrainingDeps = {}): Promise<void> {
  if (job.stage !== "train") return;
  await (deps.sageMaker ?? sageMakerClient()).send(new StopTrainingJobCommand({ TrainingJobName: job.name }));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The local runner: advances a job until it ends, polling DescribeTrainingJob every `pollMs`. It
 * keeps nothing that matters in memory: every step's outcome is on the record, so a console that
 * dies mid-job leaves it to the next advance (GET /api/training-jobs/{name} advances on read).
 */
export async function runTrainingJob(
  input: { tenantId: string; name: string },
  deps: TrainingDeps & { pollMs?: number } = {},
): Promise<TrainingJob | null> {
  for (;;) {
    const job = await advanceTrainingJob(input, deps);
    if (!job || isTerminal(job.status)) return job;
    // Training takes minutes: poll. Between the quick steps, a short pause in case another runner holds the step.
    await sleep(job.stage === "train" ? (deps.pollMs ?? 1_000) : 200);
  }
}
