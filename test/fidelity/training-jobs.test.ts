import {
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
  ListTrainingJobsCommand,
  StopTrainingJobCommand,
  type CreateTrainingJobCommandInput,
} from "@aws-sdk/client-sagemaker";
import { beforeAll, describe, expect, it } from "vitest";
import { sageMakerClient } from "@/lib/aws/clients";
import { eventually, failure } from "./support";
import {
  bucket,
  channel,
  createJob,
  jobInput,
  readTarGz,
  trainingLogLines,
  trainingLogStream,
  trainingProcess,
  uploadChampion,
  uploadChannels,
  uploadSleepingScript,
  uploadTrainingScript,
  waitForJob,
  ROLE,
} from "./training-support";
import { isAlive } from "@/test/support/process-alive";

/**
 * Training jobs (SageMaker API reference: CreateTrainingJob, DescribeTrainingJob, ListTrainingJobs,
 * StopTrainingJob, SecondaryStatusTransition, StoppingCondition), run as the XGBoost container runs a
 * script-mode job (sagemaker-training-toolkit: hyperparameters as `--name value`, SM_CHANNEL_*,
 * SM_MODEL_DIR, SM_OUTPUT_DATA_DIR; model dir → model.tar.gz, output-data dir → output.tar.gz).
 * Every case has its own tenant tag (one job in progress per tenant) and tiny data.
 */
const P = `fid-train-${Date.now().toString(36)}`;
const sm = () => sageMakerClient();
const TENANT = `${P}-t`;

let source: string;
let sleeper: string;
let data: { train: string; validation: string };
let champion: string;

beforeAll(async () => {
  [source, sleeper, data, champion] = await Promise.all([
    uploadTrainingScript(P),
    uploadSleepingScript(P),
    uploadChannels(P),
    uploadChampion(P),
  ]);
});

const trainJob = (name: string, tenant: string, extra: Partial<CreateTrainingJobCommandInput> = {}) => ({
  ...jobInput(name, tenant, {
    program: "train.py",
    submit: source,
    hyperparameters: { num_round: "10", max_depth: "3", eta: "0.3" },
    channels: [channel("train", data.train), channel("validation", data.validation)],
  }),
  ...extra,
});

const sleepJob = (name: string, tenant: string, maxRuntime?: number) =>
  jobInput(name, tenant, { program: "sleep.py", submit: sleeper, maxRuntime, channels: [channel("train", data.train)] });

// Concurrent: each case has its own tenant, and the scripts' start-up dominates (two cores).
describe.concurrent("training jobs (SageMaker API reference: CreateTrainingJob, DescribeTrainingJob)", () => {
  it("runs the script in script mode: Starting → Downloading → Training → Uploading → Completed, artifacts where the container puts them", async () => {
    const name = `${P}-ok`;
    const withChampion = trainJob(name, TENANT);
    withChampion.HyperParameters = { ...withChampion.HyperParameters, champion_version: "1" };
    withChampion.InputDataConfig = [...withChampion.InputDataConfig!, channel("champion", champion)];
    const { TrainingJobArn } = await sm().send(new CreateTrainingJobCommand(withChampion));
    expect(TrainingJobArn).toBe(`arn:aws:sagemaker:us-east-1:000000000000:training-job/${name}`);
    const job = await waitForJob(name, ["Completed", "Failed", "Stopped"]);
    expect(job.FailureReason).toBeUndefined();
    expect(job).toMatchObject({ TrainingJobStatus: "Completed", SecondaryStatus: "Completed", RoleArn: ROLE });
    expect(job.SecondaryStatusTransitions?.map((t) => t.Status)).toEqual(["Starting", "Downloading", "Training", "Uploading", "Completed"]);
    expect(job.SecondaryStatusTransitions?.[2]?.StatusMessage).toBe("Training image download completed. Training in progress.");
    expect(job.TrainingStartTime!.getTime()).toBeGreaterThanOrEqual(job.CreationTime!.getTime());
    expect(job.TrainingEndTime!.getTime()).toBeGreaterThanOrEqual(job.TrainingStartTime!.getTime());
    expect(job.HyperParameters?.num_round).toBe("10");

    const output = `s3://${bucket()}/fidelity/training-output/${name}/output`;
    expect(job.ModelArtifacts?.S3ModelArtifacts).toBe(`${output}/model.tar.gz`);
    const model = await readTarGz(`${output}/model.tar.gz`);
    expect([...model.keys()]).toEqual(["xgboost-model"]);
    const reports = await readTarGz(`${output}/output.tar.gz`);
    expect([...reports.keys()].sort()).toEqual(["baseline.json", "evaluation.json", "model-card.json"]);
    const evaluation = JSON.parse(reports.get("evaluation.json")!) as {
      roc_auc: number;
      rows: number;
      champion?: { version: number; rows: number };
    };
    expect(evaluation.rows).toBe(300);
    // The champion channel's model (a model.tar.gz) is scored on the same held-out rows.
    expect(evaluation.champion).toMatchObject({ version: 1, rows: 300, dataset: "candidate test split" });
    // The card records the hyperparameters the toolkit passed as arguments.
    expect(JSON.parse(reports.get("model-card.json")!)).toMatchObject({ hyperparameters: { num_round: 10, max_depth: 3, eta: 0.3 } });

    // MetricDefinitions are applied to the script's output; the last match is the final value.
    const metric = job.FinalMetricDataList?.find((m) => m.MetricName === "validation:roc_auc");
    expect(metric?.Value).toBeCloseTo(evaluation.roc_auc, 4);
    // Developer guide, "Logs for Built-in Algorithms": the output is in /aws/sagemaker/TrainingJobs, one
    // stream per instance, named after the job.
    const log = await trainingLogStream(name);
    expect(log.streamName).toMatch(new RegExp(`^${name}/algo-1-\\d{10}$`));
    expect(log.lines[0]).toBe("Invoking script with the following command:");
    expect(
      log.lines.some((l) => l.startsWith("/usr/bin/python3 train.py --champion_version 1 --eta 0.3 --max_depth 3 --num_round 10")),
    ).toBe(true);
    expect(log.lines.some((l) => /validation ROC-AUC [0-9.]+ PR-AUC/.test(l))).toBe(true);

    // API reference, StopTrainingJob: only a job in progress can be stopped.
    const stop = await failure(() => sm().send(new StopTrainingJobCommand({ TrainingJobName: name })));
    expect(stop).toMatchObject({
      name: "ValidationException",
      message: "The request was rejected because the training job is in status Completed.",
    });
    // Names are unique per account and region, for ever (training jobs cannot be deleted).
    const again = await failure(() => sm().send(new CreateTrainingJobCommand(trainJob(name, `${P}-other`))));
    expect(again).toMatchObject({
      name: "ResourceInUse",
      message: `Training job names must be unique within an AWS account and region, and a training job with this name already exists (${TrainingJobArn})`,
    });
  });

  it("fails with the script's own error as FailureReason (an empty training window)", async () => {
    const name = `${P}-empty`;
    const empty = await uploadChannels(`${P}/empty`, true);
    await createJob(
      trainJob(name, `${P}-e`, { InputDataConfig: [channel("train", empty.train), channel("validation", empty.validation)] }),
    );
    const job = await waitForJob(name, ["Completed", "Failed", "Stopped"]);
    expect(job.TrainingJobStatus).toBe("Failed");
    expect(job.SecondaryStatus).toBe("Failed");
    expect(job.FailureReason).toMatch(
      /^AlgorithmError: ExecuteUserScriptError:\nExitCode 1\nErrorMessage "ValueError: channel .*train has no data rows \(only a header\)"/,
    );
    expect(job.ModelArtifacts).toBeUndefined();
  });

  it("fails before training when a channel's prefix holds no object (ClientError, as SageMaker words it)", async () => {
    const name = `${P}-nodata`;
    await createJob(trainJob(name, `${P}-n`, { InputDataConfig: [channel("train", `s3://${bucket()}/${P}/nothing/`)] }));
    const job = await waitForJob(name, ["Completed", "Failed", "Stopped"]);
    expect(job.FailureReason).toMatch(/^ClientError: No S3 objects found under S3 URL "s3:\/\/.*\/nothing\/" given in input data source/);
    expect(job.SecondaryStatusTransitions?.map((t) => t.Status)).toEqual(["Starting", "Downloading", "Failed"]);
  });

  it("refuses what the API refuses: unknown jobs, missing members, a second job of a tenant in progress", async () => {
    const unknown = await failure(() => sm().send(new DescribeTrainingJobCommand({ TrainingJobName: `${P}-nope` })));
    // aws/aws-sdk#165: DescribeTrainingJob answers ValidationException, not ResourceNotFound.
    expect(unknown).toMatchObject({ name: "ValidationException", message: "Requested resource not found." });
    const stopUnknown = await failure(() => sm().send(new StopTrainingJobCommand({ TrainingJobName: `${P}-nope` })));
    expect(stopUnknown).toMatchObject({ name: "ResourceNotFound", message: "Requested resource not found." });
    const noRole = await failure(() =>
      sm().send(new CreateTrainingJobCommand({ ...trainJob(`${P}-norole`, `${P}-r`), RoleArn: undefined })),
    );
    expect(noRole).toMatchObject({
      name: "ValidationException",
      message: "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null",
    });
    const badName = await failure(() => sm().send(new CreateTrainingJobCommand(trainJob("under_score", `${P}-r`))));
    expect(badName.name).toBe("ValidationException");
  });
});

describe("stopping (API reference: StopTrainingJob, StoppingCondition)", () => {
  it("StopTrainingJob: Stopping at once, then Stopped, and the script's process is gone; the tenant's slot is free again", async () => {
    const tenant = `${P}-s`;
    const name = `${P}-stop`;
    await createJob(sleepJob(name, tenant));
    const started = await eventually(async () => {
      const [lines, running] = await Promise.all([trainingLogLines(name), trainingProcess(name)]);
      return lines.includes("started") && running.pid ? running : undefined;
    }, `${name} to start its script`);
    expect(isAlive(started.pid!)).toBe(true);

    const second = await failure(() => sm().send(new CreateTrainingJobCommand(sleepJob(`${P}-stop-2`, tenant))));
    expect(second).toMatchObject({ name: "ResourceLimitExceeded", $metadata: { httpStatusCode: 400 } });

    await sm().send(new StopTrainingJobCommand({ TrainingJobName: name }));
    const stopping = await sm().send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
    expect(["Stopping", "Stopped"]).toContain(stopping.TrainingJobStatus);
    const stopped = await waitForJob(name, ["Stopped", "Failed", "Completed"]);
    expect(stopped).toMatchObject({ TrainingJobStatus: "Stopped", SecondaryStatus: "Stopped" });
    expect(stopped.SecondaryStatusTransitions?.map((t) => t.Status)).toEqual([
      "Starting",
      "Downloading",
      "Training",
      "Stopping",
      "Stopped",
    ]);
    expect(isAlive(started.pid!)).toBe(false);

    // The slot is free once the job has ended.
    await createJob(sleepJob(`${P}-stop-3`, tenant, 1));
  });

  it("MaxRuntimeInSeconds ends the job: Stopped with secondary status MaxRuntimeExceeded", async () => {
    const name = `${P}-stop-3`;
    const job = await waitForJob(name, ["Stopped", "Failed", "Completed"]);
    expect(job).toMatchObject({ TrainingJobStatus: "Stopped", SecondaryStatus: "MaxRuntimeExceeded" });
    expect(job.SecondaryStatusTransitions?.at(-1)?.StatusMessage).toBe("Training job exceeded MaxRuntimeInSeconds provided");
    expect(job.FailureReason).toBeUndefined();
    expect(isAlive((await trainingProcess(name)).pid!)).toBe(false);
  });
});

describe("ListTrainingJobs (API reference)", () => {
  it("filters by NameContains and StatusEquals, sorts by Name/CreationTime/Status, pages with NextToken", async () => {
    const list = (input: ConstructorParameters<typeof ListTrainingJobsCommand>[0]) =>
      sm().send(new ListTrainingJobsCommand({ NameContains: P, MaxResults: 100, ...input }));
    const all = await list({});
    const names = all.TrainingJobSummaries!.map((s) => s.TrainingJobName);
    expect([...names].sort()).toEqual([`${P}-empty`, `${P}-nodata`, `${P}-ok`, `${P}-stop`, `${P}-stop-3`]);
    // Default order: CreationTime, Ascending (the stop cases ran one after the other).
    expect(names.filter((n) => n?.includes("-stop"))).toEqual([`${P}-stop`, `${P}-stop-3`]);
    const byName = await list({ SortBy: "Name", SortOrder: "Descending" });
    expect(byName.TrainingJobSummaries!.map((s) => s.TrainingJobName)).toEqual([...names].sort().reverse());
    const failed = await list({ StatusEquals: "Failed" });
    expect(failed.TrainingJobSummaries!.map((s) => s.TrainingJobName).sort()).toEqual([`${P}-empty`, `${P}-nodata`]);
    expect(failed.TrainingJobSummaries![0]).toMatchObject({ TrainingJobStatus: "Failed", SecondaryStatus: "Failed" });
    const byStatus = await list({ SortBy: "Status" });
    expect(byStatus.TrainingJobSummaries!.map((s) => s.TrainingJobStatus)).toEqual(["Completed", "Failed", "Failed", "Stopped", "Stopped"]);

    const first = await list({ NameContains: `${P}-stop`, MaxResults: 1 });
    expect(first.TrainingJobSummaries!.map((s) => s.TrainingJobName)).toEqual([`${P}-stop`]);
    const second = await list({ NameContains: `${P}-stop`, MaxResults: 1, NextToken: first.NextToken });
    expect(second.TrainingJobSummaries!.map((s) => s.TrainingJobName)).toEqual([`${P}-stop-3`]);
    expect(second.NextToken).toBeUndefined();
    // The documented quirk: MaxResults jobs are taken first, then filtered by StatusEquals
    // (by name the first is the Failed "-empty", so a Completed filter leaves the page empty).
    const quirk = await list({ SortBy: "Name", MaxResults: 1, StatusEquals: "Completed" });
    expect(quirk.TrainingJobSummaries).toEqual([]);
    expect(quirk.NextToken).toBeDefined();

    const badSort = await failure(() => list({ SortBy: "Size" as never }));
    expect(badSort.message).toBe(
      "1 validation error detected: Value 'Size' at 'sortBy' failed to satisfy constraint: Member must satisfy enum value set: [Name, CreationTime, Status]",
    );
  });
});
