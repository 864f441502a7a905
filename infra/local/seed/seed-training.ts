import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { pack } from "tar-stream";
import { s3Client } from "@/lib/aws/clients";
import { isS3Missing } from "@/lib/aws/missing";
import { env } from "@/lib/env";
import { FEATURES } from "@/lib/features/schema";
import { trainingSourceUri } from "@/lib/training/start-training-job";
import { parseS3Uri } from "@/lib/training/s3-uri";

/**
 * What a retrain needs in S3 (lib/training): the production versions' training data beside their
 * artifacts (`<group>/v<N>/training-data/`: train/data.csv with features.json, validation/data.csv,
 * manifest.json, from the committed infra/model/training-data, written by `npm run
 * model:training-data`) and the training script as script mode takes it (sagemaker_submit_directory:
 * a tar.gz of infra/model/train's Python files). Idempotent: an object already there is kept, except
 * the script archive, which follows the sources.
 */
const TRAINING_DATA_DIR = path.join(process.cwd(), "infra/model/training-data");
const TRAIN_SCRIPT_DIR = path.join(process.cwd(), "infra/model/train");

async function exists(key: string): Promise<boolean> {
  try {
    await s3Client().send(new HeadObjectCommand({ Bucket: env().MODELS_BUCKET, Key: key }));
    return true;
  } catch (error) {
    if (isS3Missing(error) || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw error;
  }
}

const put = (key: string, body: Buffer | string, contentType: string) =>
  s3Client().send(new PutObjectCommand({ Bucket: env().MODELS_BUCKET, Key: key, Body: body, ContentType: contentType }));

const featureSpec = () =>
  `${JSON.stringify(
    FEATURES.map(({ name, label, unit, type, categories }) => ({ name, label, unit, type, categories })),
    null,
    2,
  )}\n`;

export async function seedTrainingData(group: string): Promise<void> {
  let versions: string[];
  try {
    versions = (await readdir(path.join(TRAINING_DATA_DIR, group))).filter((v) => /^v\d+$/.test(v));
  } catch {
    return;
  }
  for (const version of versions) {
    const prefix = `${group}/${version}/training-data/`;
    if (await exists(`${prefix}manifest.json`)) continue;
    const dir = path.join(TRAINING_DATA_DIR, group, version);
    await put(`${prefix}train/data.csv`, gunzipSync(await readFile(path.join(dir, "train.csv.gz"))), "text/csv");
    await put(`${prefix}train/features.json`, featureSpec(), "application/json");
    await put(`${prefix}validation/data.csv`, gunzipSync(await readFile(path.join(dir, "validation.csv.gz"))), "text/csv");
    // The manifest last: its presence says the data is complete.
    await put(`${prefix}manifest.json`, await readFile(path.join(dir, "manifest.json")), "application/json");
  }
}

/** The script's source archive: every .py file of infra/model/train (no tests), fixed mtimes. */
export async function seedTrainingSource(): Promise<void> {
  const files = (await readdir(TRAIN_SCRIPT_DIR)).filter((f) => f.endsWith(".py") && !f.endsWith("_test.py")).sort();
  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on("data", (chunk: unknown) => chunks.push(chunk as Buffer));
  const done = new Promise<void>((resolve, reject) => {
    tar.on("end", resolve);
    tar.on("error", reject);
  });
  for (const file of files) tar.entry({ name: file, mtime: new Date(0), mode: 0o644 }, await readFile(path.join(TRAIN_SCRIPT_DIR, file)));
  tar.finalize();
  await done;
  const { Key } = parseS3Uri(trainingSourceUri());
  await put(Key, gzipSync(Buffer.concat(chunks)), "application/x-gzip");
}
