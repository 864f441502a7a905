import { auditedAction, type AuditDeps } from "@/lib/audit/audited-action";
import { runTrainingJob, stopSageMakerJob, type TrainingDeps } from "./advance-training-job";
import { planTraining } from "./plan-training";
import { createTrainingJobRecord, getTrainingJob, requestStop } from "./training-store";
import { newTrainingJobName, type TrainingJob, type TrainingJobRequest } from "./training-job";

/**
 * POST /api/training-jobs: plans the job (the same figures the preview showed), takes the tenant's
 * training lock and records it (audited `training.start`), then runs it in this process without
 * waiting. On AWS the record's insert starts the Step Functions execution instead (README); the
 * steps are the same functions. A plan with a problem (no matured labels) still starts: the job
 * fails at its first step with that reason, so the attempt and its reason are on record.
 */
export async function launchTrainingJob(
  input: { tenantId: string; actor: string; request: TrainingJobRequest },
  deps: TrainingDeps & AuditDeps = {},
): Promise<TrainingJob> {
  const { parameters } = await planTraining({ tenantId: input.tenantId, ...input.request }, deps);
  const name = newTrainingJobName((deps.now ?? (() => new Date()))());
  const job = await auditedAction(
    {
      tenantId: input.tenantId,
      actor: input.actor,
      action: "training.start",
      target: `training-job:${name}`,
      requested: input.request,
    },
    async () => {
      const created = await createTrainingJobRecord({ name, request: input.request, parameters, actor: input.actor }, deps);
      return {
        outcome: "applied",
        result: created,
        before: null,
        after: { name, window: parameters.window, rows: parameters.rows, hyperparameters: parameters.hyperparameters },
      };
    },
    deps,
  );
  void runTrainingJob({ tenantId: input.tenantId, name }, deps).catch((error: unknown) =>
    console.error(`training job ${name} stopped advancing; the next read resumes it`, error),
  );
  return job;
}

/** POST /api/training-jobs/{name}/stop (audited `training.stop`): StopTrainingJob, or a stop before training starts. */
export async function stopTrainingJob(
  input: { tenantId: string; name: string; actor: string },
  deps: TrainingDeps & AuditDeps = {},
): Promise<TrainingJob> {
  return auditedAction(
    { tenantId: input.tenantId, actor: input.actor, action: "training.stop", target: `training-job:${input.name}` },
    async () => {
      const before = await getTrainingJob(input, deps);
      const after = await requestStop(input, deps);
      await stopSageMakerJob(after, deps);
      return { outcome: "applied", result: after, before: { status: before.status }, after: { stopRequested: true } };
    },
    deps,
  );
}
