import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { CreateTrainingJobCommand, DescribeTrainingJobCommand, type CreateTrainingJobCommandInput } from "@aws-sdk/client-sagemaker";
import { extract, pack } from "tar-stream";
import { inject } from "vitest";
import { DescribeLogStreamsCommand, GetLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { cloudWatchLogsClient, s3Client, sageMakerClient } from "@/lib/aws/clients";
import { env } from "@/lib/env";
import { readLogTail } from "@/lib/training/check-training-job";
import { TRAINING_LOG_GROUP } from "@/lib/training/log-group";
import { XGBOOST_IMAGE, eventually } from "./support";

/**
 * Training jobs for the fidelity suite: the script's source as an S3 tar.gz (as the SageMaker Python
 * SDK uploads `source_dir`), tiny CSV channels (800 + 300 rows from the simulator, committed), and
 * CreateTrainingJob as the console sends it (XGBoost image, script mode, JSON-encoded hyperparameters).
 */
const TRAIN_DIR = fileURLToPath(new URL("../../infra/model/train/", import.meta.url));
const FIXTURES = fileURLToPath(new URL("../../infra/local/sagemaker/test-fixtures/training/", import.meta.url));
const TRAINING_SCRIPTS = ["train.py", "annotate.py", "baseline.py", "dataset.py", "metrics.py"];
export const ROLE = "arn:aws:iam::000000000000:role/fidelity-training";

export const bucket = () => env().MODELS_BUCKET;

async function tarGz(files: { name: string; content: Buffer | string }[]): Promise<Buffer> {
  const archive = pack();
  for (const file of files) archive.entry({ name: file.name }, typeof file.content === "string" ? Buffer.from(file.content) : file.content);
  archive.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of archive) chunks.push(chunk as Buffer);
  return gzipSync(Buffer.concat(chunks));
}

export async function put(key: string, body: Buffer | string): Promise<string> {
  await s3Client().send(new PutObjectCommand({ Bucket: bucket(), Key: key, Body: body }));
  return `s3://${bucket()}/${key}`;
}

/** infra/model/train's script as sourcedir.tar.gz. */
export async function uploadTrainingScript(prefix: string): Promise<string> {
  const files = await Promise.all(TRAINING_SCRIPTS.map(async (name) => ({ name, content: await readFile(path.join(TRAIN_DIR, name)) })));
  return put(`${prefix}/source/sourcedir.tar.gz`, await tarGz(files));
}

/** A stand-in script (no XGBoost) for stop and time-limit cases: says it started, then waits. */
export async function uploadSleepingScript(prefix: string): Promise<string> {
  const script = 'import time\nprint("started", flush=True)\ntime.sleep(600)\n';
  return put(`${prefix}/sleeper/sourcedir.tar.gz`, await tarGz([{ name: "sleep.py", content: script }]));
}

/** A production model for the `champion` channel (its model.tar.gz, as the registry holds it). */
export async function uploadChampion(prefix: string): Promise<string> {
  const archive = await readFile(fileURLToPath(new URL("../../infra/model/artifacts/acme-bank-fraud/v1/model.tar.gz", import.meta.url)));
  await put(`${prefix}/champion/model.tar.gz`, archive);
  return `s3://${bucket()}/${prefix}/champion/`;
}

/** The tiny train/validation channels; `emptyTrain` gives a header-only train file (an empty window). */
export async function uploadChannels(prefix: string, emptyTrain = false): Promise<{ train: string; validation: string }> {
  const train = await readFile(path.join(FIXTURES, "train", "train.csv"), "utf8");
  const validation = await readFile(path.join(FIXTURES, "validation", "validation.csv"), "utf8");
  await put(`${prefix}/data/train/train.csv`, emptyTrain ? `${train.split("\n")[0]}\n` : train);
  await put(`${prefix}/data/validation/validation.csv`, validation);
  return { train: `s3://${bucket()}/${prefix}/data/train/`, validation: `s3://${bucket()}/${prefix}/data/validation/` };
}

export function channel(name: string, uri: string) {
  return {
    ChannelName: name,
    ContentType: "text/csv",
    DataSource: { S3DataSource: { S3DataType: "S3Prefix" as const, S3Uri: uri, S3DataDistributionType: "FullyReplicated" as const } },
  };
}

export function jobInput(
  name: string,
  tenant: string,
  opts: {
    program: string;
    submit: string;
    hyperparameters?: Record<string, string>;
    channels?: ReturnType<typeof channel>[];
    maxRuntime?: number;
  },
): CreateTrainingJobCommandInput {
  return {
    TrainingJobName: name,
    RoleArn: ROLE,
    AlgorithmSpecification: {
      TrainingImage: XGBOOST_IMAGE,
      TrainingInputMode: "File",
      MetricDefinitions: [{ Name: "validation:roc_auc", Regex: "ROC-AUC ([0-9.]+)" }],
    },
    // The Python SDK JSON-encodes every value; the container decodes them again.
    HyperParameters: {
      sagemaker_program: JSON.stringify(opts.program),
      sagemaker_submit_directory: JSON.stringify(opts.submit),
      ...opts.hyperparameters,
    },
    InputDataConfig: opts.channels ?? [],
    OutputDataConfig: { S3OutputPath: `s3://${bucket()}/fidelity/training-output` },
    ResourceConfig: { InstanceType: "ml.m5.large", InstanceCount: 1, VolumeSizeInGB: 5 },
    StoppingCondition: { MaxRuntimeInSeconds: opts.maxRuntime ?? 600 },
    Tags: [{ Key: "tenant", Value: tenant }],
  };
}

export async function createJob(input: CreateTrainingJobCommandInput): Promise<void> {
  await sageMakerClient().send(new CreateTrainingJobCommand(input));
}

export async function waitForJob(name: string, statuses: string[]) {
  return eventually(
    async () => {
      const job = await sageMakerClient().send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
      return statuses.includes(job.TrainingJobStatus ?? "") ? job : undefined;
    },
    `${name} to reach ${statuses.join("/")}`,
  );
}

export interface TrainingProcess {
  TrainingJobName: string;
  TrainingJobStatus: string;
  pid: number | null;
}

/** The emulator-only read of a job's script process (GET /_emulator/training-jobs/{name}/process). */
export async function trainingProcess(name: string): Promise<TrainingProcess> {
  const response = await fetch(`${inject("stackUrls").sagemaker}/_emulator/training-jobs/${encodeURIComponent(name)}/process`);
  if (!response.ok) throw new Error(`process of ${name}: ${response.status}`);
  return (await response.json()) as TrainingProcess;
}

/** The tail of the job's output as SageMaker writes it to CloudWatch Logs, through the console's own reader. */
export const trainingLogLines = (name: string) => readLogTail(name);

/** The job's whole log stream, from its head: its name and every line. */
export async function trainingLogStream(name: string): Promise<{ streamName: string; lines: string[] }> {
  const logs = cloudWatchLogsClient();
  const { logStreams = [] } = await logs.send(
    new DescribeLogStreamsCommand({ logGroupName: TRAINING_LOG_GROUP, logStreamNamePrefix: `${name}/` }),
  );
  if (logStreams.length !== 1) throw new Error(`${name}: ${logStreams.length} log streams`);
  const streamName = logStreams[0]!.logStreamName!;
  const { events = [] } = await logs.send(
    new GetLogEventsCommand({ logGroupName: TRAINING_LOG_GROUP, logStreamName: streamName, startFromHead: true }),
  );
  return { streamName, lines: events.map((e) => e.message ?? "") };
}

/** The files of a gzipped tar in S3, by name. */
export async function readTarGz(uri: string): Promise<Map<string, string>> {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  if (!match) throw new Error(`not an S3 URI: ${uri}`);
  const object = await s3Client().send(new GetObjectCommand({ Bucket: match[1], Key: match[2] }));
  const tar = gunzipSync(await object.Body!.transformToByteArray());
  const files = new Map<string, string>();
  const extractor = extract();
  const done = new Promise<void>((resolve, reject) => {
    extractor.on("finish", resolve);
    extractor.on("error", reject);
  });
  extractor.on("entry", (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: unknown) => chunks.push(chunk as Buffer));
    stream.on("end", () => {
      files.set(header.name, Buffer.concat(chunks).toString("utf8"));
      next();
    });
  });
  extractor.end(tar);
  await done;
  return files;
}
