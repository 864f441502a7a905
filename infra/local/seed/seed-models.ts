import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DescribeEndpointCommand,
  DescribeModelCommand,
  waitUntilEndpointInService,
} from "@aws-sdk/client-sagemaker";
import { s3Client, sageMakerClient } from "@/lib/aws/clients";
import { isSageMakerMissing } from "@/lib/aws/missing";
import { env } from "@/lib/env";
import type { DemoTenant } from "./demo-tenants";
import { REGISTRY_STORY } from "./registry-story";
import { seedRegistry } from "./seed-registry";

/** The image SageMaker's built-in XGBoost 1.7 container has in us-east-1; the emulator ignores it. */
export const XGBOOST_IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";
const ROLE_ARN = "arn:aws:iam::000000000000:role/fraud-console-sagemaker";
export const ARTIFACTS_DIR = path.join(process.cwd(), "infra/model/artifacts");

async function exists(describe: () => Promise<unknown>): Promise<boolean> {
  try {
    await describe();
    return true;
  } catch (error) {
    if (isSageMakerMissing(error)) return false;
    throw error;
  }
}

/** Versions committed for a group, ascending: [1, 2, 3]. */
export async function committedVersions(group: string): Promise<number[]> {
  const entries = await readdir(path.join(ARTIFACTS_DIR, group));
  return entries
    .map((name) => /^v(\d+)$/.exec(name)?.[1])
    .filter((v): v is string => v !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

export const artifactKey = (group: string, version: number, file: string) => `${group}/v${version}/${file}`;
const s3Uri = (key: string) => `s3://${env().MODELS_BUCKET}/${key}`;
export const modelName = (group: string, version: number) => `${group}-v${version}`;

async function uploadArtifacts(group: string, version: number): Promise<void> {
  for (const file of ["model.tar.gz", "evaluation.json", "baseline.json", "model-card.json"]) {
    const body = await readFile(path.join(ARTIFACTS_DIR, group, `v${version}`, file));
    await s3Client().send(new PutObjectCommand({ Bucket: env().MODELS_BUCKET, Key: artifactKey(group, version, file), Body: body }));
  }
}

/** The tenant's registry: every committed version, with the seeded story's approvals (registry-story.ts). */
async function registerPackages(tenant: DemoTenant, versions: number[]): Promise<void> {
  const group = tenant.modelPackageGroupName;
  await seedRegistry({
    groupName: group,
    tenantId: tenant.tenantId,
    tenantName: tenant.name,
    entries: versions.map((version) => ({
      artifacts: {
        modelKey: artifactKey(group, version, "model.tar.gz"),
        evaluationKey: artifactKey(group, version, "evaluation.json"),
        baselineKey: artifactKey(group, version, "baseline.json"),
      },
      card: { group, version },
      approval: REGISTRY_STORY[group]?.[version] ?? null,
    })),
  });
}

/**
 * The SageMaker model of a committed version, created once. Two seeders (or test files) may race to
 * create the same one: the loser finds it there and uses it.
 */
export async function ensureModel(group: string, version: number, tenantId: string): Promise<string> {
  const sm = sageMakerClient();
  const name = modelName(group, version);
  const describe = () => sm.send(new DescribeModelCommand({ ModelName: name }));
  if (await exists(describe)) return name;
  try {
    await sm.send(
      new CreateModelCommand({
        ModelName: name,
        ExecutionRoleArn: ROLE_ARN,
        PrimaryContainer: { Image: XGBOOST_IMAGE, ModelDataUrl: s3Uri(artifactKey(group, version, "model.tar.gz")) },
        Tags: [
          { Key: "tenant", Value: tenantId },
          { Key: "model-version", Value: String(version) },
        ],
      }),
    );
  } catch (error) {
    if (!(await exists(describe))) throw error;
  }
  return name;
}

/** One CSV record of the training data's per-feature medians, from the version's drift baseline. */
async function medianRecord(group: string, version: number): Promise<string> {
  const baseline = JSON.parse(await readFile(path.join(ARTIFACTS_DIR, group, `v${version}`, "baseline.json"), "utf8")) as {
    features: Array<{ quantiles?: { p50?: number } }>;
  };
  return baseline.features.map((f) => (f.quantiles?.p50 ?? "").toString()).join(",");
}

/** An endpoint with a production and a canary variant of one model package group, as the demo runs them. */
export interface VariantEndpointSpec {
  endpointName: string;
  tenantId: string;
  modelPackageGroupName: string;
  productionVersion: number;
  canaryVersion: number;
  /**
   * Traffic weights. A variant's share is its weight over the sum of all weights, and 0 is a valid
   * weight (AWS API reference, ProductionVariant.InitialVariantWeight): { production: 1, canary: 0 }
   * sends every call to production.
   */
  weights: { production: number; canary: number };
  featureHeaders: readonly string[];
}

/** Creates the endpoint config and the endpoint (it starts Creating); the models must be uploaded. */
export async function createVariantEndpoint(spec: VariantEndpointSpec): Promise<void> {
  const sm = sageMakerClient();
  const group = spec.modelPackageGroupName;
  const production = await ensureModel(group, spec.productionVersion, spec.tenantId);
  const canary = await ensureModel(group, spec.canaryVersion, spec.tenantId);
  const configName = `${spec.endpointName}-${Date.now()}`;
  await sm.send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: configName,
      ProductionVariants: [
        {
          VariantName: "production",
          ModelName: production,
          InitialInstanceCount: 1,
          InstanceType: "ml.m5.large",
          InitialVariantWeight: spec.weights.production,
        },
        {
          VariantName: "canary",
          ModelName: canary,
          InitialInstanceCount: 1,
          InstanceType: "ml.m5.large",
          InitialVariantWeight: spec.weights.canary,
        },
      ],
      DataCaptureConfig: {
        EnableCapture: true,
        InitialSamplingPercentage: 100,
        DestinationS3Uri: `s3://${env().CAPTURE_BUCKET}/datacapture`,
        CaptureOptions: [{ CaptureMode: "Input" }, { CaptureMode: "Output" }],
        // Listed types are captured as text; any other is base64 (CaptureContentTypeHeader).
        CaptureContentTypeHeader: { CsvContentTypes: ["text/csv"], JsonContentTypes: ["application/json"] },
      },
      // Explanations are asked for per request (only for risky records); off by default.
      ExplainerConfig: {
        ClarifyExplainerConfig: {
          EnableExplanations: "`false`",
          InferenceConfig: { FeatureHeaders: [...spec.featureHeaders] },
          // Clarify's Kernel SHAP needs a baseline (ShapBaselineConfig is required); ours is one
          // record of training medians, so each explained record costs n_samples model calls (2,076
          // for 14 features) on AWS and in the emulator alike. The emulator answers exact TreeSHAP.
          ShapConfig: {
            ShapBaselineConfig: { MimeType: "text/csv", ShapBaseline: await medianRecord(group, spec.productionVersion) },
            UseLogit: true,
          },
        },
      },
      Tags: [{ Key: "tenant", Value: spec.tenantId }],
    }),
  );
  await sm.send(
    new CreateEndpointCommand({
      EndpointName: spec.endpointName,
      EndpointConfigName: configName,
      Tags: [{ Key: "tenant", Value: spec.tenantId }],
    }),
  );
}

/** Uploads artifacts, fills the model registry and creates the tenant's endpoint if it has none. Idempotent. */
export async function seedTenantModels(tenant: DemoTenant, featureHeaders: readonly string[]): Promise<void> {
  const versions = await committedVersions(tenant.modelPackageGroupName);
  for (const version of versions) await uploadArtifacts(tenant.modelPackageGroupName, version);
  await registerPackages(tenant, versions);
  const sm = sageMakerClient();
  const hasEndpoint = await exists(() => sm.send(new DescribeEndpointCommand({ EndpointName: tenant.endpointName })));
  if (!hasEndpoint) {
    await createVariantEndpoint({
      ...tenant,
      weights: { production: 100 - tenant.canaryWeight, canary: tenant.canaryWeight },
      featureHeaders,
    });
  }
}

/** Waits until every demo endpoint serves (model loading happens while Creating). */
export async function waitForEndpoints(tenants: ReadonlyArray<Pick<DemoTenant, "endpointName">>): Promise<void> {
  await Promise.all(
    tenants.map((t) =>
      waitUntilEndpointInService(
        { client: sageMakerClient(), maxWaitTime: 120, minDelay: 1, maxDelay: 2 },
        { EndpointName: t.endpointName },
      ),
    ),
  );
}
