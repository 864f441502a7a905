import { DeleteEndpointCommand } from "@aws-sdk/client-sagemaker";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { REGISTRY_STORY } from "@/infra/local/seed/registry-story";
import { ARTIFACTS_DIR, artifactKey, committedVersions, createVariantEndpoint, waitForEndpoints } from "@/infra/local/seed/seed-models";
import { seedRegistry, type RegistryEntry } from "@/infra/local/seed/seed-registry";
import { seedEndpointAlarms } from "@/infra/local/seed/seed-alarms";
import { DEMO_USER_ROLES } from "@/infra/local/seed/demo-tenants";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { Role } from "@/lib/auth/roles";
import { s3Client, sageMakerClient } from "@/lib/aws/clients";
import { env } from "@/lib/env";
import { FEATURE_NAMES } from "@/lib/features/schema";
import { saveSettings } from "@/lib/settings/save-settings";
import type { TrainingManifest } from "@/lib/training/production-version";
import { DEFAULT_TENANT_SETTINGS, type TenantSettings } from "@/lib/settings/tenant-settings";
import { createTenant } from "@/lib/tenants/create-tenant";
import { createUser } from "@/lib/users/create-user";
import { seedVerdicts, recordSmallTrainingData } from "./training-data";

/**
 * A tenant of a test's own, for integration tests (test/integration/fixtures.ts) and e2e tests
 * (e2e/support/test-tenant.ts), so that whatever a test changes (faults, weights, settings,
 * thresholds, rules, claims, verdicts, rate limits) no other test sees, and whatever other tests
 * change it never sees. The demo's tenants and endpoints are only ever read by tests.
 */
export interface TestTenantOptions {
  /** Goes into the tenant id and endpoint name, to find them in logs. Letters, digits and dashes. */
  label: string;
  /**
   * Saved over TEST_SETTINGS as settings version 1; null leaves the tenant unsaved (the product's
   * defaults, version 0).
   */
  settings?: Partial<TenantSettings> | null;
  /**
   * Its own SageMaker endpoint, deployed the way the demo seed deploys one (lib/deployments' deploy,
   * through infra/local/seed/seed-models.ts) from a committed model group the seed registered, so it
   * has a deployment record that weight changes and rollbacks work on. Weights default to production only, so which
   * variant answers is known, never drawn.
   */
  endpoint?: {
    modelPackageGroupName?: "acme-bank-fraud" | "globex-pay-fraud";
    productionVersion?: number;
    canaryVersion?: number;
    weights?: { production: number; canary: number };
  };
  /**
   * A model package group of its own (`<tenantId>-models`), registered the way the demo seeds its
   * registry (infra/local/seed/registry-story.ts) from the endpoint's committed group, so approvals a
   * test makes touch no one else's versions. `candidates` are registered after the committed
   * versions, PendingManualApproval: each re-registers a committed model with its evaluation and a
   * champion block naming `championVersion`, scored on the same split (equal to that version's own
   * figures: every committed version shares one test split, infra/model/artifacts.test.ts). The
   * endpoint then deploys from this group, so a candidate can be shadowed, canaried and promoted.
   */
  registry?: { candidates?: Array<{ artifactVersion: number; championVersion: number }> };
  /** Users of each role (analyst@, mlops@, admin@<tenant>.test) with this password; none when omitted. */
  password?: string;
  /**
   * The endpoint's rollback alarms (lib/deployments/alarm-definitions.ts) with 10 s periods, as the
   * demo has them, so a 5xx fault on the canary rolls it back by itself. Off by default: a test that
   * injects faults for another reason keeps its canary.
   */
  alarms?: boolean;
  /**
   * What a training job needs (test/support/training-data.ts): the production version's training
   * data made small (the emulator's fixture channels, so a job takes seconds) and `verdicts` analyst
   * verdicts, one an hour, the newest `newestAgeHours` (default 30) ago: matured labels. Needs
   * `registry` (the production package's training data is recorded on the tenant's own copy).
   */
  training?: { verdicts: number; newestAgeHours?: number };
}

export interface TestTenantRecord {
  tenantId: string;
  name: string;
  endpointName: string;
  modelPackageGroupName: string;
  apiKey: string;
  keyId: string;
  /** The settings version after the fixture: 1, or 0 with `settings: null`. */
  settingsVersion: number;
  users: Array<{ email: string; name: string; role: Role }>;
  /** With `training`: production's (small) training data and the verdicts seeded. */
  training?: { productionVersion: number; manifest: TrainingManifest; verdicts: number; frauds: number };
}

/**
 * What a test tenant runs with unless the test says otherwise: the product's defaults, except that
 * neither the wall clock nor a shared budget decides an outcome. A model answer is never too slow
 * (the largest timeout budget; a test of the budget sets its own) and the rate limit is out of reach
 * (a test of the limit sets its own).
 */
export const TEST_SETTINGS: TenantSettings = { ...DEFAULT_TENANT_SETTINGS, timeoutBudgetMs: 10_000, rateLimitPerSecond: 100_000 };

/** Unique per call: names are global in SageMaker and tenant ids in the table. ≤ 40 characters. */
export function uniqueName(label: string): string {
  return `it-${label.slice(0, 20)}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export async function createTestTenantRecords(options: TestTenantOptions): Promise<TestTenantRecord> {
  const tenantId = uniqueName(options.label);
  const name = `Test ${options.label}`;
  const endpointName = `fraud-${tenantId}`;
  const group = options.endpoint?.modelPackageGroupName ?? "acme-bank-fraud";
  const registryGroup = options.registry ? await seedOwnRegistry(tenantId, name, group, options.registry) : group;
  await createTenant({ tenantId, name, endpointName, modelPackageGroupName: registryGroup, createdAt: new Date().toISOString() });
  await createVariantEndpoint(
    {
      endpointName,
      tenantId,
      // A registry of its own is what the endpoint deploys from, so its candidates can be deployed too.
      modelPackageGroupName: registryGroup,
      artifactGroup: group,
      productionVersion: options.endpoint?.productionVersion ?? 2,
      canaryVersion: options.endpoint?.canaryVersion ?? 3,
      weights: options.endpoint?.weights ?? { production: 1, canary: 0 },
      featureHeaders: FEATURE_NAMES,
    },
    "fixture",
  );
  let settingsVersion = 0;
  if (options.settings !== null) {
    const saved = await saveSettings({
      tenantId,
      settings: { ...TEST_SETTINGS, ...options.settings },
      expectedVersion: 0,
      actor: "fixture",
    });
    settingsVersion = saved.version;
  }
  const users: TestTenantRecord["users"] = [];
  if (options.password) {
    for (const { localPart, role, title } of DEMO_USER_ROLES) {
      const user = { email: `${localPart}@${tenantId}.test`, name: `${title}, ${name}`, role };
      await createUser({ tenantId, ...user, password: options.password });
      users.push(user);
    }
  }
  const { record, plaintext } = await createApiKey({ tenantId, name: "test", createdBy: "fixture" });
  await waitForEndpoints([{ endpointName }]);
  if (options.alarms) await seedEndpointAlarms([{ tenantId, endpointName }]);
  let training: TestTenantRecord["training"];
  if (options.training) {
    if (!options.registry) throw new Error("training needs a registry of the tenant's own");
    const productionVersion = options.endpoint?.productionVersion ?? 2;
    const manifest = await recordSmallTrainingData(tenantId, productionVersion);
    const { frauds } = await seedVerdicts(tenantId, options.training.verdicts, options.training.newestAgeHours ?? 30);
    training = { productionVersion, manifest, verdicts: options.training.verdicts, frauds };
  }
  return {
    tenantId,
    name,
    endpointName,
    modelPackageGroupName: registryGroup,
    apiKey: plaintext,
    keyId: record.keyId,
    settingsVersion,
    users,
    ...(training ? { training } : {}),
  };
}

async function seedOwnRegistry(
  tenantId: string,
  tenantName: string,
  group: string,
  registry: NonNullable<TestTenantOptions["registry"]>,
): Promise<string> {
  const groupName = `${tenantId}-models`;
  const committed = (version: number) => ({
    artifacts: {
      modelKey: artifactKey(group, version, "model.tar.gz"),
      evaluationKey: artifactKey(group, version, "evaluation.json"),
      baselineKey: artifactKey(group, version, "baseline.json"),
    },
    card: { group, version },
  });
  const versions = await committedVersions(group);
  const entries: RegistryEntry[] = versions.map((version) => ({
    ...committed(version),
    approval: REGISTRY_STORY[group]?.[version] ?? null,
  }));
  for (const [i, candidate] of (registry.candidates ?? []).entries()) {
    const read = async (version: number) =>
      JSON.parse(await readFile(path.join(ARTIFACTS_DIR, group, `v${version}`, "evaluation.json"), "utf8")) as Record<string, unknown>;
    const champion = await read(candidate.championVersion);
    const evaluation = {
      ...(await read(candidate.artifactVersion)),
      champion: {
        version: candidate.championVersion,
        roc_auc: champion.roc_auc,
        pr_auc: champion.pr_auc,
        recall_at_precision: champion.recall_at_precision,
      },
    };
    const evaluationKey = `${groupName}/v${versions.length + i + 1}/evaluation.json`;
    await s3Client().send(new PutObjectCommand({ Bucket: env().MODELS_BUCKET, Key: evaluationKey, Body: JSON.stringify(evaluation) }));
    const base = committed(candidate.artifactVersion);
    entries.push({ ...base, artifacts: { ...base.artifacts, evaluationKey }, approval: null });
  }
  await seedRegistry({ groupName, tenantId, tenantName, entries });
  return groupName;
}

/** Deletes the tenant's endpoint (the emulator stops hosting its models); its items stay, keyed apart. */
export async function deleteTestEndpoint(endpointName: string): Promise<void> {
  await sageMakerClient().send(new DeleteEndpointCommand({ EndpointName: endpointName }));
}
