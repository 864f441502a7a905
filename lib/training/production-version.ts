import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { DescribeModelPackageCommand, type SageMakerClient } from "@aws-sdk/client-sagemaker";
import { z } from "zod";
import { s3Client, sageMakerClient } from "@/lib/aws/clients";
import { isS3Missing } from "@/lib/aws/missing";
import type { StoreDeps } from "@/lib/db/store";
import { getDeployment } from "@/lib/deployments/deployment-record";
import { AppError } from "@/lib/errors/app-error";
import { listModelVersions } from "@/lib/models/list-model-versions";
import { getTenant } from "@/lib/tenants/get-tenant";
import type { Tenant } from "@/lib/tenants/tenant";
import { parseS3Uri, s3Dir } from "./s3-uri";
import { HYPERPARAMETER_NAMES, type Hyperparameters } from "./training-job";

/**
 * Where a version's training data lives: the model package's `fraud-console:training-data` (an
 * s3:// prefix holding train/, validation/ and manifest.json; lib/training/register writes it), else
 * `training-data/` beside its model.tar.gz (the committed versions, uploaded by the seed).
 */
export const TRAINING_DATA_KEY = "fraud-console:training-data";
export const TRAINING_JOB_KEY = "fraud-console:training-job";

export const manifestSchema = z.object({
  rows: z.number().int().nonnegative(),
  frauds: z.number().int().nonnegative(),
  validationRows: z.number().int().nonnegative(),
  /** The newest verdict's transaction time already in this data (labels before it are not added again). */
  labelsThrough: z.string().nullable(),
  hyperparameters: z.record(z.string(), z.number()),
  description: z.string().optional(),
});
export type TrainingManifest = z.infer<typeof manifestSchema>;

export interface ProductionVersion {
  tenant: Tenant;
  version: number;
  arn: string;
  modelDataUrl: string;
  trainingData: string;
  manifest: TrainingManifest;
  hyperparameters: Hyperparameters;
}

export interface ProductionDeps extends StoreDeps {
  sageMaker?: Pick<SageMakerClient, "send">;
  s3?: Pick<S3Client, "send">;
}

export async function readManifest(prefix: string, deps: ProductionDeps = {}): Promise<TrainingManifest | null> {
  try {
    const out = await (deps.s3 ?? s3Client()).send(new GetObjectCommand(parseS3Uri(`${prefix}manifest.json`)));
    return manifestSchema.parse(JSON.parse((await out.Body?.transformToString()) ?? "null"));
  } catch (error) {
    if (isS3Missing(error)) return null;
    throw error;
  }
}

/** The version the tenant's endpoint serves as production, with its model and training data. */
export async function getProductionVersion(input: { tenantId: string }, deps: ProductionDeps = {}): Promise<ProductionVersion> {
  const tenant = await getTenant({ tenantId: input.tenantId }, deps);
  if (!tenant) throw new AppError("not_found", "Tenant not found");
  const deployment = await getDeployment({ tenantId: input.tenantId, endpointName: tenant.endpointName }, deps);
  const production = deployment?.spec.variants.find((v) => v.role === "production");
  if (!production) throw new AppError("conflict", `Endpoint ${tenant.endpointName} serves no production version to retrain from`);
  const versions = await listModelVersions({ tenantId: input.tenantId }, { ...deps, getTenant: () => Promise.resolve(tenant) });
  const listed = versions.find((v) => v.version === production.modelVersion);
  if (!listed) throw new AppError("conflict", `Production version ${production.modelVersion} is not in ${tenant.modelPackageGroupName}`);
  const described = await (deps.sageMaker ?? sageMakerClient()).send(new DescribeModelPackageCommand({ ModelPackageName: listed.arn }));
  const modelDataUrl = described.InferenceSpecification?.Containers?.[0]?.ModelDataUrl;
  if (!modelDataUrl) throw new AppError("conflict", `Version ${listed.version} has no model artifact`);
  const trainingData = described.CustomerMetadataProperties?.[TRAINING_DATA_KEY] ?? `${s3Dir(modelDataUrl)}training-data/`;
  const manifest = await readManifest(trainingData, deps);
  if (!manifest) {
    throw new AppError(
      "conflict",
      `The training data of production version ${listed.version} is not at ${trainingData} (no manifest.json)`,
      {
        details: { version: listed.version, trainingData },
      },
    );
  }
  const hyperparameters = Object.fromEntries(
    HYPERPARAMETER_NAMES.flatMap((name) => (manifest.hyperparameters[name] === undefined ? [] : [[name, manifest.hyperparameters[name]]])),
  ) as Hyperparameters;
  return { tenant, version: listed.version, arn: listed.arn, modelDataUrl, trainingData, manifest, hyperparameters };
}
