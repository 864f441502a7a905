import { join } from "node:path";
import { evaluationWindows, TRAINING_WINDOWS, type TenantPlan, type VersionSpec } from "./plan";

/**
 * The arguments of train/annotate.py (also accepted by train.py): the evaluation's context (when,
 * on which windows) and, when the version had a champion, the champion's model so that it is scored
 * on this version's test split. `artifacts` is the group's directory (…/artifacts/<group>).
 */
export function evaluationArgs(plan: TenantPlan, spec: VersionSpec, artifacts: string): string[] {
  const windows = evaluationWindows(plan, spec.trainingSet);
  const args = [
    ...["--evaluated_at", spec.created, "--training_window", TRAINING_WINDOWS[spec.trainingSet]],
    ...["--training_from", windows.training.from, "--training_to", windows.training.to],
    ...["--test_from", windows.test.from, "--test_to", windows.test.to],
  ];
  if (spec.champion === undefined) return args;
  return [
    ...args,
    ...["--champion_model", join(artifacts, `v${spec.champion}`, "xgboost-model"), "--champion_version", String(spec.champion)],
  ];
}
