import { z } from "zod";

/**
 * A retraining job (lib/training): prepare the data → CreateTrainingJob → follow it → register the
 * version. One record per job in DynamoDB (training-store.ts) carries what the console shows and
 * what the steps hand each other; the SageMaker job (same name) is the truth about training itself.
 */
export const TRAINING_STAGES = ["prepare", "start", "train", "register", "done"] as const;
export type TrainingStage = (typeof TRAINING_STAGES)[number];

/** SageMaker's TrainingJobStatus, plus the steps around it (Preparing before, Registering after). */
export const TRAINING_STATUSES = ["Preparing", "InProgress", "Stopping", "Registering", "Completed", "Failed", "Stopped"] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

export const isTerminal = (status: TrainingStatus) => status === "Completed" || status === "Failed" || status === "Stopped";

/** The model's hyper-parameters the training script takes (infra/model/train/train.py HYPERPARAMETERS). */
export const HYPERPARAMETER_NAMES = [
  "num_round",
  "max_depth",
  "eta",
  "subsample",
  "colsample_bytree",
  "min_child_weight",
  "gamma",
  "reg_lambda",
  "max_bin",
  "seed",
  "nthread",
] as const;
export type HyperparameterName = (typeof HYPERPARAMETER_NAMES)[number];
export type Hyperparameters = Partial<Record<HyperparameterName, number>>;

const HYPERPARAMETER_BOUNDS: Record<HyperparameterName, { min: number; max: number; int: boolean }> = {
  num_round: { min: 1, max: 2000, int: true },
  max_depth: { min: 1, max: 12, int: true },
  eta: { min: 0.001, max: 1, int: false },
  subsample: { min: 0.1, max: 1, int: false },
  colsample_bytree: { min: 0.1, max: 1, int: false },
  min_child_weight: { min: 0, max: 1000, int: false },
  gamma: { min: 0, max: 100, int: false },
  reg_lambda: { min: 0, max: 1000, int: false },
  max_bin: { min: 2, max: 1024, int: true },
  seed: { min: 0, max: 2 ** 31 - 1, int: true },
  nthread: { min: 1, max: 4, int: true },
};

const hyperparameterSchema = z
  .object(
    Object.fromEntries(
      HYPERPARAMETER_NAMES.map((name) => {
        const b = HYPERPARAMETER_BOUNDS[name];
        const base = z.number().min(b.min).max(b.max);
        return [name, (b.int ? base.int() : base).optional()];
      }),
    ) as Record<HyperparameterName, z.ZodOptional<z.ZodNumber>>,
  )
  .strict();

/** At most this long a window of verdicts. */
export const MAX_WINDOW_DAYS = 92;

/** POST /api/training-jobs and GET /api/training-jobs/preview: the window of verdicts and optional overrides. */
export const trainingJobRequestSchema = z
  .object({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    hyperparameters: hyperparameterSchema.optional(),
  })
  .strict()
  .refine((w) => Date.parse(w.from) < Date.parse(w.to), { message: "from must be before to", path: ["from"] })
  .refine((w) => Date.parse(w.to) - Date.parse(w.from) <= MAX_WINDOW_DAYS * 86_400_000, {
    message: `at most ${MAX_WINDOW_DAYS} days`,
    path: ["to"],
  });
export type TrainingJobRequest = z.infer<typeof trainingJobRequestSchema>;

/** Counts of the tenant's verified labels in the window, by what the maturity rule made of them. */
export interface LabelCounts {
  /** Verified verdicts (confirmed fraud, false positive) whose transaction falls in the window. */
  verified: number;
  frauds: number;
  legit: number;
  /** False positives too young at the cut-off for a chargeback to have contradicted them. */
  immature: number;
  /** Already in the production version's training data (before its labelsThrough). */
  alreadyTrained: number;
  /** Matured labels used: train + validation + test rows from the window. */
  used: number;
}

/** What a job will train on and with, shown before it starts and kept on the job. */
export interface TrainingParameters {
  tenantId: string;
  modelPackageGroupName: string;
  /** The window of verdicts asked for, and the cut-off the maturity rule judged them at. */
  window: { from: string; to: string };
  cutoff: string;
  maturity: { legitAfterHours: number; rule: string };
  production: {
    version: number;
    modelDataUrl: string;
    /** s3:// prefix of its training data (train/, validation/, manifest.json). */
    trainingData: string;
    rows: number;
    validationRows: number;
    frauds: number;
    labelsThrough: string | null;
  };
  labels: LabelCounts;
  /** Rows per channel once prepared: production's plus the window's labels (test: window labels only). */
  rows: { train: number; validation: number; test: number };
  /** Out-of-time: every test row is newer than every training row. */
  testWindow: { from: string; to: string } | null;
  hyperparameters: Required<Hyperparameters>;
  /** Whether the hyper-parameters are production's (none overridden). */
  hyperparametersFrom: "production" | "request";
  /** Why the job cannot train (e.g. no matured labels in the window); the job then fails with it. */
  problem: string | null;
}

/** The S3 locations a prepared job trains from (CreateTrainingJob's InputDataConfig). */
export interface PreparedChannels {
  /** s3:// prefix of this job's data (train/, validation/, test/, manifest.json). */
  dataPrefix: string;
  train: string;
  validation: string;
  test: string;
  /** The production model.tar.gz, scored on the test split beside the candidate (evaluation.json champion). */
  champion: string;
}

export interface SecondaryTransition {
  status: string;
  startTime: string | null;
  endTime: string | null;
  message: string | null;
}

/** A job as the API returns it. */
export interface TrainingJob {
  name: string;
  tenantId: string;
  status: TrainingStatus;
  stage: TrainingStage;
  secondaryStatus: string | null;
  transitions: SecondaryTransition[];
  parameters: TrainingParameters;
  channels: PreparedChannels | null;
  /** ModelArtifacts.S3ModelArtifacts once training completed. */
  modelArtifacts?: string | null;
  failureReason: string | null;
  actor: string;
  createdAt: string;
  /** SageMaker's TrainingStartTime / TrainingEndTime. */
  trainingStartedAt: string | null;
  trainingEndedAt: string | null;
  endedAt: string | null;
  /** SageMaker's TrainingTimeInSeconds once training ended. */
  trainingSeconds: number | null;
  stopRequested: boolean;
  /** The tail of the training log (the script's output), newest last. */
  logTail: string[];
  /** The version it registered, with the evaluation's headline figures. */
  registered: { version: number; arn: string; rocAuc: number; prAuc: number; recallAt80Precision: number | null } | null;
  /** Optimistic-concurrency counter of the record. */
  recordVersion: number;
}

/** Training job names: SageMaker's pattern, ≤ 63 characters; ours sort by creation time. */
export const trainingJobNameSchema = z.string().regex(/^fc-\d{8}t\d{6}-[a-z0-9]{6}$/, "not a training job name");

export function newTrainingJobName(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "")
    .toLowerCase();
  return `fc-${stamp}-${Math.random().toString(36).slice(2, 8).padEnd(6, "0")}`;
}
