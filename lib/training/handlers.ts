import { z } from "zod";
import { advanceTrainingJob, type TrainingDeps } from "./advance-training-job";
import type { TrainingStage, TrainingStatus } from "./training-job";

/**
 * The steps as Lambda handlers, for the Step Functions state machine on AWS (infra/aws):
 *
 *   Prepare (prepareHandler) → Start (startHandler) → Wait 30 s → Check (checkHandler)
 *     → Choice on `stage`: "train" → Wait; "register" → Register (registerHandler); "done" → end
 *
 * Each takes and returns `{ tenantId, jobName, stage, status }` (the state machine passes its state
 * through) and runs the same advanceTrainingJob the local runner runs; the job record in DynamoDB is
 * where the console reads progress. A handler whose step another runner holds returns the state
 * unchanged, so the Choice loops; Lambda retries of a step are safe (idempotent steps under a lease).
 */
const stepEventSchema = z.object({ tenantId: z.string().min(1), jobName: z.string().min(1) });

export interface TrainingStepResult {
  tenantId: string;
  jobName: string;
  stage: TrainingStage;
  status: TrainingStatus;
  failureReason: string | null;
}

async function step(event: unknown, deps: TrainingDeps): Promise<TrainingStepResult> {
  const { tenantId, jobName } = stepEventSchema.parse(event);
  const job = await advanceTrainingJob({ tenantId, name: jobName }, deps);
  if (!job) throw new Error(`training job ${jobName} of ${tenantId} not found`);
  return { tenantId, jobName, stage: job.stage, status: job.status, failureReason: job.failureReason };
}

export const prepareHandler = (event: unknown, deps: TrainingDeps = {}) => step(event, deps);
export const startHandler = (event: unknown, deps: TrainingDeps = {}) => step(event, deps);
export const checkHandler = (event: unknown, deps: TrainingDeps = {}) => step(event, deps);
export const registerHandler = (event: unknown, deps: TrainingDeps = {}) => step(event, deps);
