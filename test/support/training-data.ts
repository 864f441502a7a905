import { readFile } from "node:fs/promises";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { UpdateModelPackageCommand } from "@aws-sdk/client-sagemaker";
import { createTransactionGenerator } from "@/infra/model/simulator/generator";
import { s3Client, sageMakerClient } from "@/lib/aws/clients";
import { env } from "@/lib/env";
import { FEATURE_NAMES, toFeatureVector } from "@/lib/features/schema";
import { recordVerdict } from "@/lib/feedback/record-verdict";
import { listModelVersions } from "@/lib/models/list-model-versions";
import { enqueueTransaction } from "@/lib/queue/enqueue-transaction";
import { TRAINING_DATA_KEY, type TrainingManifest } from "@/lib/training/production-version";

/**
 * What a retraining test's tenant trains from (lib/training reads both): small production training
 * data, so that a SageMaker training job takes seconds rather than the demo data's half minute, and
 * analyst verdicts old enough to be matured labels.
 */
const FIXTURES = "infra/local/sagemaker/test-fixtures/training";
const HOUR = 3_600_000;

/**
 * The SageMaker emulator's fixture channels (800 train, 300 validation rows) as production
 * `version`'s training data: written under `it-training/<tenant>/v<version>/` with their
 * manifest.json and recorded on the version's model package (`fraud-console:training-data`, as
 * lib/training/register records a retrained version's). Only for a tenant with a registry of its
 * own (TestTenantOptions.registry): the demo's packages are shared.
 */
export async function recordSmallTrainingData(tenantId: string, version: number): Promise<TrainingManifest> {
  const prefix = `it-training/${tenantId}/v${version}/`;
  const put = async (key: string, body: string) =>
    s3Client().send(new PutObjectCommand({ Bucket: env().MODELS_BUCKET, Key: `${prefix}${key}`, Body: body }));
  const train = await readFile(`${FIXTURES}/train/train.csv`, "utf8");
  const validation = await readFile(`${FIXTURES}/validation/validation.csv`, "utf8");
  const rows = (csv: string) => csv.trim().split("\n").slice(1);
  const manifest: TrainingManifest = {
    rows: rows(train).length,
    frauds: rows(train).filter((r) => r.startsWith("1,")).length,
    validationRows: rows(validation).length,
    labelsThrough: null,
    hyperparameters: { num_round: 30, max_depth: 3, eta: 0.3, seed: 7, nthread: 1 },
  };
  await put("train/data.csv", train);
  await put("validation/data.csv", validation);
  await put("manifest.json", JSON.stringify(manifest));
  const listed = (await listModelVersions({ tenantId })).find((v) => v.version === version);
  if (!listed) throw new Error(`${tenantId} has no version ${version}`);
  await sageMakerClient().send(
    new UpdateModelPackageCommand({
      ModelPackageArn: listed.arn,
      CustomerMetadataProperties: { [TRAINING_DATA_KEY]: `s3://${env().MODELS_BUCKET}/${prefix}` },
    }),
  );
  return manifest;
}

/**
 * Verdicts as the demo seeds them: `count` simulated transactions queued one an hour, the newest
 * `newestAgeHours` ago, each decided by an analyst from its ground truth (lib/feedback's
 * recordVerdict). Older than the maturity rule's hours, every one is a matured label.
 */
export async function seedVerdicts(tenantId: string, count: number, newestAgeHours: number): Promise<{ frauds: number }> {
  const generator = createTransactionGenerator({ tenant: "acme-bank", seed: 4242, fraudRate: 0.35, idPrefix: `it-${tenantId}` });
  let frauds = 0;
  for (let i = 0; i < count; i++) {
    const at = new Date(Date.now() - (newestAgeHours + (count - i)) * HOUR);
    const sim = generator.next(at);
    const txnId = sim.transaction.txn_id;
    const vector = toFeatureVector(sim.transaction);
    await enqueueTransaction({
      tenantId,
      txnId,
      status: "open",
      decision: "REVIEW",
      score: 0.5,
      reasons: [],
      attributions: [],
      baseValue: 0,
      ruleHits: [],
      features: Object.fromEntries(FEATURE_NAMES.map((name, j) => [name, vector[j] ?? null])),
      transaction: sim.transaction,
      model: { endpoint: "it", variant: "production", version: "2" },
      degraded: false,
      createdAt: at.toISOString(),
    });
    await recordVerdict({
      tenantId,
      txnId,
      actor: { id: "fixture", name: "Fixture analyst" },
      verdict: sim.isFraud ? "fraud" : "legit",
      version: 1,
    });
    if (sim.isFraud) frauds++;
  }
  return { frauds };
}
