import { advanceTrainingJob, type TrainingDeps } from "./advance-training-job";
import { getTrainingJob, listTrainingJobs } from "./training-store";
import { isTerminal, type TrainingJob } from "./training-job";

/**
 * Advance on read: a job whose runner died (a console restart) is moved on by whoever looks at it
 * next. advanceTrainingJob claims the step with a lease, so while the starting console's runner is
 * alive this is one conditional write that fails and the job is returned as it is.
 */
async function advanced(job: TrainingJob, deps: TrainingDeps): Promise<TrainingJob> {
  if (isTerminal(job.status)) return job;
  try {
    return (await advanceTrainingJob({ tenantId: job.tenantId, name: job.name }, deps)) ?? job;
  } catch {
    return job;
  }
}

export async function readTrainingJob(input: { tenantId: string; name: string }, deps: TrainingDeps = {}): Promise<TrainingJob> {
  return advanced(await getTrainingJob(input, deps), deps);
}

export async function listActiveTrainingJobs(input: { tenantId: string }, deps: TrainingDeps = {}): Promise<TrainingJob[]> {
  const jobs = await listTrainingJobs(input, deps);
  return Promise.all(jobs.map((job) => advanced(job, deps)));
}
