import { z } from "zod";
import { arn } from "../arn";
import { ApiError, validationException } from "../errors";
import type { Json, TrainingJobRecord } from "../state/types";
import type { ControlContext, Operation } from "./context";
import { listPage, seconds } from "./list";
import { putTags } from "./tags";
import { listInput, parseInput, resourceName, tagList } from "./validate";

/**
 * CreateTrainingJob, DescribeTrainingJob, ListTrainingJobs, StopTrainingJob (SageMaker API reference).
 * The job itself runs in training/runner.ts; these operations record, show and stop it.
 */
export const TENANT_TAG = "tenant";
/** One job in progress per tenant (its `tenant` tag; untagged jobs share one slot). */
export const JOBS_PER_TENANT = 1;
/** StoppingCondition.MaxRuntimeInSeconds when none is given: one day (API reference, StoppingCondition). */
const DEFAULT_MAX_RUNTIME_S = 86_400;

const s3DataSource = z.looseObject({
  S3DataType: z.enum(["ManifestFile", "S3Prefix", "AugmentedManifestFile", "Converse"]),
  S3Uri: z
    .string()
    .max(1024)
    .regex(/^(https|s3):\/\//, "Member must satisfy regular expression pattern: ^(https|s3)://([^/]+)/?(.*)$"),
});
const channel = z.looseObject({
  ChannelName: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9.\-_]+$/, "Member must satisfy regular expression pattern: [A-Za-z0-9\\.\\-_]+"),
  DataSource: z.looseObject({ S3DataSource: s3DataSource.optional() }),
});

const createInput = z.looseObject({
  TrainingJobName: resourceName,
  RoleArn: z.string().min(20, "Member must have length greater than or equal to 20").max(2048),
  OutputDataConfig: z.looseObject({
    S3OutputPath: z
      .string()
      .max(1024)
      .regex(/^(https|s3):\/\//),
  }),
  AlgorithmSpecification: z
    .looseObject({
      TrainingImage: z.string().max(255).optional(),
      TrainingInputMode: z.enum(["Pipe", "File", "FastFile"]),
      MetricDefinitions: z
        .array(z.object({ Name: z.string().min(1).max(255), Regex: z.string().min(1).max(500) }))
        .max(40)
        .optional(),
    })
    .optional(),
  HyperParameters: z.record(z.string().max(256), z.string().max(2500)).optional(),
  InputDataConfig: z.array(channel).min(1).max(20).optional(),
  StoppingCondition: z.looseObject({ MaxRuntimeInSeconds: z.number().int().min(1).optional() }).optional(),
  Environment: z.record(z.string(), z.string()).optional(),
  Tags: tagList.optional(),
});

const nameInput = z.object({ TrainingJobName: z.string().min(1).max(63) });

const listTrainingJobsInput = listInput.extend({
  SortBy: z
    .enum(["Name", "CreationTime", "Status"], { message: "Member must satisfy enum value set: [Name, CreationTime, Status]" })
    .optional(),
  StatusEquals: z
    .enum(["InProgress", "Completed", "Failed", "Stopping", "Stopped"], {
      message: "Member must satisfy enum value set: [InProgress, Completed, Failed, Stopping, Stopped]",
    })
    .optional(),
  LastModifiedTimeAfter: z.number().optional(),
  LastModifiedTimeBefore: z.number().optional(),
});

export const isRunning = (job: TrainingJobRecord) => job.TrainingJobStatus === "InProgress" || job.TrainingJobStatus === "Stopping";

/** DescribeTrainingJob answers "Requested resource not found." as a ValidationException (aws/aws-sdk#165). */
export function findTrainingJob(ctx: ControlContext, name: string): TrainingJobRecord {
  const job = ctx.store.state.trainingJobs[name];
  if (!job) throw validationException("Requested resource not found.");
  return job;
}

const createTrainingJob: Operation = (ctx, body) => {
  const { Tags, ...input } = parseInput(createInput, body);
  const { state } = ctx.store;
  const jobArn = arn("training-job", input.TrainingJobName);
  if (state.trainingJobs[input.TrainingJobName]) {
    throw new ApiError(
      "ResourceInUse",
      400,
      `Training job names must be unique within an AWS account and region, and a training job with this name already exists (${jobArn})`,
    );
  }
  const channels = (input.InputDataConfig ?? []).map((c) => c.ChannelName);
  const duplicate = channels.find((name, i) => channels.indexOf(name) !== i);
  if (duplicate) throw validationException(`Channel names must be unique. Duplicate channel name: ${duplicate}.`);
  const tenant = Tags?.find((t) => t.Key === TENANT_TAG)?.Value ?? "";
  const running = Object.values(state.trainingJobs).filter((j) => j.tenant === tenant && isRunning(j)).length;
  if (running >= JOBS_PER_TENANT) {
    // Worded as SageMaker words a quota it enforces (ResourceLimitExceeded, API reference CreateTrainingJob).
    throw new ApiError(
      "ResourceLimitExceeded",
      400,
      `The account-level service limit 'training jobs in progress per tenant' is ${JOBS_PER_TENANT} Jobs, with current utilization of ${running} Jobs and a request delta of 1 Jobs. Wait for the tenant's job in progress to end, or stop it.`,
    );
  }
  const now = ctx.now();
  const record: TrainingJobRecord = {
    ...input,
    StoppingCondition: {
      ...input.StoppingCondition,
      MaxRuntimeInSeconds: input.StoppingCondition?.MaxRuntimeInSeconds ?? DEFAULT_MAX_RUNTIME_S,
    },
    TrainingJobArn: jobArn,
    TrainingJobStatus: "InProgress",
    SecondaryStatus: "Starting",
    SecondaryStatusTransitions: [{ Status: "Starting", StartTime: now, StatusMessage: "Launching requested ML instances" }],
    CreationTime: now,
    LastModifiedTime: now,
    tenant,
  };
  state.trainingJobs[input.TrainingJobName] = record;
  if (Tags) putTags(state, jobArn, Tags);
  ctx.store.changed();
  ctx.training.start(record);
  return { TrainingJobArn: jobArn };
};

/** The job as DescribeTrainingJob answers it: the emulator's own members dropped, times in epoch seconds. */
export function describeJob(job: TrainingJobRecord): Json {
  // logTail: what emulators saved before the log went to CloudWatch Logs; never on the wire.
  const { tenant: _tenant, logTail: _logTail, pid: _pid, workDir: _workDir, ...wire } = job as TrainingJobRecord & { logTail?: unknown };
  const ended = job.TrainingEndTime !== undefined && job.TrainingStartTime !== undefined;
  const trainingSeconds = ended ? Math.max(1, Math.round((job.TrainingEndTime! - job.TrainingStartTime!) / 1000)) : undefined;
  return {
    ...wire,
    CreationTime: seconds(job.CreationTime),
    LastModifiedTime: seconds(job.LastModifiedTime),
    TrainingStartTime: job.TrainingStartTime === undefined ? undefined : seconds(job.TrainingStartTime),
    TrainingEndTime: job.TrainingEndTime === undefined ? undefined : seconds(job.TrainingEndTime),
    SecondaryStatusTransitions: job.SecondaryStatusTransitions.map((t) => ({
      ...t,
      StartTime: seconds(t.StartTime),
      EndTime: t.EndTime === undefined ? undefined : seconds(t.EndTime),
    })),
    FinalMetricDataList: job.FinalMetricDataList?.map((m) => ({ ...m, Timestamp: seconds(m.Timestamp) })),
    TrainingTimeInSeconds: trainingSeconds,
    BillableTimeInSeconds: trainingSeconds,
  };
}

const describeTrainingJob: Operation = (ctx, body) => describeJob(findTrainingJob(ctx, parseInput(nameInput, body).TrainingJobName));

const listTrainingJobs: Operation = (ctx, body) => {
  const { StatusEquals, LastModifiedTimeAfter, LastModifiedTimeBefore, ...options } = parseInput(listTrainingJobsInput, body ?? {});
  const after = LastModifiedTimeAfter === undefined ? -Infinity : LastModifiedTimeAfter * 1000;
  const before = LastModifiedTimeBefore === undefined ? Infinity : LastModifiedTimeBefore * 1000;
  const { page, NextToken } = listPage({
    items: Object.values(ctx.store.state.trainingJobs).filter((j) => j.LastModifiedTime > after && j.LastModifiedTime < before),
    name: (j) => j.TrainingJobName,
    creationTime: (j) => j.CreationTime,
    sortKey: (j) => (options.SortBy === "Name" ? j.TrainingJobName : options.SortBy === "Status" ? j.TrainingJobStatus : j.CreationTime),
    options,
    defaultOrder: "Ascending",
    defaultMaxResults: 10,
  });
  // API reference, ListTrainingJobs: with StatusEquals and MaxResults, MaxResults jobs are taken first,
  // ignoring StatusEquals, and then filtered by it — so a page can hold fewer than MaxResults (even none)
  // while NextToken says there is more.
  const TrainingJobSummaries = page
    .filter((j) => StatusEquals === undefined || j.TrainingJobStatus === StatusEquals)
    .map((j) => ({
      TrainingJobName: j.TrainingJobName,
      TrainingJobArn: j.TrainingJobArn,
      CreationTime: seconds(j.CreationTime),
      TrainingEndTime: j.TrainingEndTime === undefined ? undefined : seconds(j.TrainingEndTime),
      LastModifiedTime: seconds(j.LastModifiedTime),
      TrainingJobStatus: j.TrainingJobStatus,
      SecondaryStatus: j.SecondaryStatus,
    }));
  return { TrainingJobSummaries, NextToken };
};

/** StopTrainingJob: unknown → ResourceNotFound (its API reference); a job no longer running → ValidationException. */
const stopTrainingJob: Operation = (ctx, body) => {
  const name = parseInput(nameInput, body).TrainingJobName;
  const job = ctx.store.state.trainingJobs[name];
  if (!job) throw new ApiError("ResourceNotFound", 400, "Requested resource not found.");
  if (job.TrainingJobStatus !== "InProgress") {
    throw validationException(`The request was rejected because the training job is in status ${job.TrainingJobStatus}.`);
  }
  ctx.training.stop(job);
  return {};
};

export const trainingJobOperations: Record<string, Operation> = {
  CreateTrainingJob: createTrainingJob,
  DescribeTrainingJob: describeTrainingJob,
  ListTrainingJobs: listTrainingJobs,
  StopTrainingJob: stopTrainingJob,
};
