import { CopyObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { s3Client } from "@/lib/aws/clients";
import { env } from "@/lib/env";
import { LABEL_CSV_HEADER, toLabelCsvRow, type LabeledItem } from "@/lib/labels/label-format";
import { planTraining } from "./plan-training";
import type { ProductionDeps } from "./production-version";
import { parseS3Uri, s3Uri } from "./s3-uri";
import { TrainingRefused } from "./training-refused";
import type { PreparedChannels, TrainingJobRequest, TrainingParameters } from "./training-job";

export interface PrepareInput extends TrainingJobRequest {
  tenantId: string;
  jobName: string;
}

export interface PreparedData {
  parameters: TrainingParameters;
  channels: PreparedChannels;
}

export const jobDataPrefix = (tenantId: string, jobName: string) => s3Uri(env().MODELS_BUCKET, `training/${tenantId}/${jobName}/data/`);

const labelCsv = (rows: readonly LabeledItem[]) => `${[LABEL_CSV_HEADER, ...rows.map(toLabelCsvRow)].join("\n")}\n`;

/** Copies every object of a channel prefix (server-side: production's data is never downloaded). */
async function copyChannel(from: string, to: string, s3: Pick<S3Client, "send">): Promise<void> {
  const source = parseS3Uri(from);
  const target = parseS3Uri(to);
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: source.Bucket, Prefix: source.Key, ContinuationToken: token }));
    for (const object of page.Contents ?? []) {
      if (!object.Key) continue;
      const name = object.Key.slice(source.Key.length);
      await s3.send(
        new CopyObjectCommand({
          Bucket: target.Bucket,
          Key: `${target.Key}${name}`,
          CopySource: `${source.Bucket}/${object.Key.split("/").map(encodeURIComponent).join("/")}`,
        }),
      );
    }
    token = page.NextContinuationToken;
  } while (token);
}

/**
 * Step 1 (a Lambda in the Step Functions state machine, the local runner's first step): the
 * production version's training data plus the window's matured analyst labels, written as CSV
 * channels under the job's prefix — train/ and validation/ (production's files copied as they are,
 * the labels beside them in the same columns), test/ (the out-of-time split: the window's newest
 * labels only), manifest.json (what the next retrain starts from). Idempotent: a rerun writes the
 * same keys. A window with nothing to learn from is refused with the reason the job fails with.
 */
export async function prepareTrainingData(input: PrepareInput, deps: ProductionDeps = {}): Promise<PreparedData> {
  const { parameters, split, production } = await planTraining(input, deps);
  if (parameters.problem) throw new TrainingRefused(parameters.problem);
  const s3 = deps.s3 ?? s3Client();
  const prefix = jobDataPrefix(input.tenantId, input.jobName);
  const put = (key: string, body: string, contentType = "text/csv") =>
    s3.send(new PutObjectCommand({ ...parseS3Uri(`${prefix}${key}`), Body: body, ContentType: contentType }));
  await copyChannel(`${production.trainingData}train/`, `${prefix}train/`, s3);
  await copyChannel(`${production.trainingData}validation/`, `${prefix}validation/`, s3);
  const labelsFile = `labels-${input.jobName}.csv`;
  if (split.train.length > 0) await put(`train/${labelsFile}`, labelCsv(split.train));
  if (split.validation.length > 0) await put(`validation/${labelsFile}`, labelCsv(split.validation));
  await put(`test/${labelsFile}`, labelCsv(split.test));
  const frauds = (rows: readonly LabeledItem[]) => rows.filter((r) => r.status === "confirmed_fraud").length;
  const manifest = {
    rows: parameters.rows.train,
    frauds: production.manifest.frauds + frauds(split.train),
    validationRows: parameters.rows.validation,
    labelsThrough: split.labelsThrough ?? production.manifest.labelsThrough,
    hyperparameters: parameters.hyperparameters,
    description: `production v${production.version}'s training data plus matured analyst labels ${parameters.window.from} – ${parameters.window.to}`,
  };
  await put("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`, "application/json");
  return {
    parameters,
    channels: {
      dataPrefix: prefix,
      train: `${prefix}train/`,
      validation: `${prefix}validation/`,
      test: `${prefix}test/`,
      champion: production.modelDataUrl,
    },
  };
}
