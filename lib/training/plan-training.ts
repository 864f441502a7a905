import { env } from "@/lib/env";
import { describeMaturity } from "./label-maturity";
import { getProductionVersion, type ProductionDeps, type ProductionVersion } from "./production-version";
import { readVerifiedLabels } from "./read-labels";
import { splitLabels, type LabelSplit } from "./split-labels";
import type { Hyperparameters, TrainingJobRequest, TrainingParameters } from "./training-job";

/** train.py's defaults (HYPERPARAMETERS there), for any the production version's manifest lacks. */
const SCRIPT_DEFAULTS: Required<Hyperparameters> = {
  num_round: 200,
  max_depth: 5,
  eta: 0.1,
  subsample: 0.8,
  colsample_bytree: 0.8,
  min_child_weight: 5,
  gamma: 0,
  reg_lambda: 1,
  max_bin: 256,
  seed: 42,
  nthread: 1,
};

export interface TrainingPlan {
  parameters: TrainingParameters;
  production: ProductionVersion;
  split: LabelSplit;
}

const iso = (value: string) => new Date(value).toISOString();

/**
 * Everything a job will train on and with, computed without writing anything: the preview the
 * console shows before "Start", and the first half of prepare-training-data. The cut-off the
 * maturity rule judges at is the window's end, or now if that is earlier.
 */
export async function planTraining(input: { tenantId: string } & TrainingJobRequest, deps: ProductionDeps = {}): Promise<TrainingPlan> {
  const production = await getProductionVersion({ tenantId: input.tenantId }, deps);
  const window = { from: iso(input.from), to: iso(input.to) };
  const now = (deps.now ?? (() => new Date()))();
  const cutoff = new Date(Math.min(now.getTime(), Date.parse(window.to)));
  const rule = { legitAfterHours: env().TRAINING_LEGIT_MATURITY_HOURS };
  const labels = await readVerifiedLabels({ tenantId: input.tenantId, ...window }, deps);
  const split = splitLabels({ labels, cutoff, rule, labelsThrough: production.manifest.labelsThrough });
  const overrides = input.hyperparameters ?? {};
  const parameters: TrainingParameters = {
    tenantId: input.tenantId,
    modelPackageGroupName: production.tenant.modelPackageGroupName,
    window,
    cutoff: cutoff.toISOString(),
    maturity: { ...rule, rule: describeMaturity(rule) },
    production: {
      version: production.version,
      modelDataUrl: production.modelDataUrl,
      trainingData: production.trainingData,
      rows: production.manifest.rows,
      validationRows: production.manifest.validationRows,
      frauds: production.manifest.frauds,
      labelsThrough: production.manifest.labelsThrough,
    },
    labels: split.counts,
    rows: {
      train: production.manifest.rows + split.train.length,
      validation: production.manifest.validationRows + split.validation.length,
      test: split.test.length,
    },
    testWindow: split.testWindow,
    hyperparameters: { ...SCRIPT_DEFAULTS, ...production.hyperparameters, ...overrides },
    hyperparametersFrom: Object.keys(overrides).length > 0 ? "request" : "production",
    problem: split.problem,
  };
  return { parameters, production, split };
}
