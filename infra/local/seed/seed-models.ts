import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { DescribeEndpointCommand, waitUntilEndpointInService } from "@aws-sdk/client-sagemaker";
import { s3Client, sageMakerClient } from "@/lib/aws/clients";
import { isSageMakerMissing } from "@/lib/aws/missing";
import { deploy } from "@/lib/deployments/deploy";
import type { DeploymentSpecInput } from "@/lib/deployments/deployment-spec";
import { env } from "@/lib/env";
import type { DemoTenant } from "./demo-tenants";
import { REGISTRY_STORY } from "./registry-story";
import { seedRegistry } from "./seed-registry";

/** The image SageMaker's built-in XGBoost 1.7 container has in us-east-1; the emulator ignores it. */
export const XGBOOST_IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";
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
  /**
   * The committed artifacts' group (infra/model/artifacts/<group>), for the SHAP baseline, when the
   * registry group has another name (a test tenant's own registry of committed models); default: the same.
   */
  artifactGroup?: string;
}

/**
 * The demo's deployment spec (lib/deployments): production and canary variants, data capture of
 * every call into the capture bucket, and the Clarify explainer whose Kernel SHAP baseline is one
 * record of the production version's training medians (2,076 model calls per explained record for
 * 14 features, on AWS and in the emulator alike).
 */
export async function variantEndpointSpec(spec: Omit<VariantEndpointSpec, "endpointName" | "tenantId">): Promise<DeploymentSpecInput> {
  return {
    modelPackageGroupName: spec.modelPackageGroupName,
    variants: [
      { variantName: "production", role: "production", modelVersion: spec.productionVersion, weight: spec.weights.production },
      { variantName: "canary", role: "canary", modelVersion: spec.canaryVersion, weight: spec.weights.canary },
    ],
    dataCapture: { samplingPercentage: 100, destinationS3Uri: `s3://${env().CAPTURE_BUCKET}/datacapture` },
    explainer: {
      featureHeaders: [...spec.featureHeaders],
      shapBaseline: await medianRecord(spec.artifactGroup ?? spec.modelPackageGroupName, spec.productionVersion),
    },
  };
}

/**
 * Creates the endpoint through lib/deployments' deploy (initial), as everything that builds an
 * endpoint does; it starts Creating. The model packages must be registered.
 */
export async function createVariantEndpoint(spec: VariantEndpointSpec, actor = "seed"): Promise<void> {
  await deploy({
    tenantId: spec.tenantId,
    endpointName: spec.endpointName,
    spec: await variantEndpointSpec(spec),
    kind: "initial",
    actor,
    reason: "Initial deployment",
  });
}

/** Uploads artifacts and fills the model registry; the endpoint comes from seed-deployments.ts. Idempotent. */
export async function seedTenantModels(tenant: DemoTenant): Promise<void> {
  const versions = await committedVersions(tenant.modelPackageGroupName);
  for (const version of versions) await uploadArtifacts(tenant.modelPackageGroupName, version);
  await registerPackages(tenant, versions);
}

/** Whether SageMaker has the endpoint (an endpoint from before deployment records has no record). */
export async function endpointExists(endpointName: string): Promise<boolean> {
  return exists(() => sageMakerClient().send(new DescribeEndpointCommand({ EndpointName: endpointName })));
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
