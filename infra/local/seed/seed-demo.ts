import { performance } from "node:perf_hooks";
import { findApiKey } from "@/lib/api-keys/find-api-key";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { createTenant } from "@/lib/tenants/create-tenant";
import { createUser } from "@/lib/users/create-user";
import type { Role } from "@/lib/auth/roles";
import { FEATURE_NAMES } from "@/lib/features/schema";
import { DEMO_TENANTS, DEMO_USER_ROLES, demoEmail } from "./demo-tenants";
import { seedEndpointAlarms } from "./seed-alarms";
import { seedDriftCapture } from "./seed-capture";
import { seedDriftRuns } from "./seed-drift-runs";
import { seedHistory } from "./seed-history";
import { seedDeploymentStory } from "./seed-deployments";
import { seedTenantModels, waitForEndpoints } from "./seed-models";
import { seedTrainingData, seedTrainingSource } from "./seed-training";

export interface DemoUser {
  email: string;
  password: string;
  role: Role;
  tenantId: string;
}

export interface DemoSeed {
  users: DemoUser[];
  /** Plaintext API key per tenant; kept only in the git-ignored demo.json so restarts can reuse it. */
  apiKeys: Record<string, string>;
  endpoints: Record<string, string>;
  /** When the demo's drift began (infra/local/seed/demo-drift.ts); the live traffic simulator continues it. */
  driftOnset: string;
}

/** Reuses the previous run's key while it is still valid, so a restart doesn't change the demo's key. */
async function ensureApiKey(tenantId: string, previous: string | undefined): Promise<string> {
  if (previous) {
    const record = await findApiKey(previous);
    if (record && record.tenantId === tenantId && !record.revokedAt) return previous;
  }
  const { plaintext } = await createApiKey({ tenantId, name: "Demo payment app", createdBy: "seed" });
  return plaintext;
}

/**
 * Seeds the demo: tenants, users of each role, an API key per tenant, and per tenant the model
 * registry and an endpoint with production and canary variants. Every step is idempotent, so the
 * launcher runs it on every start and a restart keeps (and never doubles) the data.
 */
export async function seedDemo(opts: { password: string; previousApiKeys?: Record<string, string> }): Promise<DemoSeed> {
  const seed: DemoSeed = { users: [], apiKeys: {}, endpoints: {}, driftOnset: "" };
  for (const tenant of DEMO_TENANTS) {
    await createTenant({
      tenantId: tenant.tenantId,
      name: tenant.name,
      endpointName: tenant.endpointName,
      modelPackageGroupName: tenant.modelPackageGroupName,
      createdAt: new Date().toISOString(),
    });
    for (const { localPart, role, title } of DEMO_USER_ROLES) {
      const email = demoEmail(localPart, tenant.tenantId);
      await createUser({ tenantId: tenant.tenantId, email, name: `${title}, ${tenant.name}`, role, password: opts.password });
      seed.users.push({ email, password: opts.password, role, tenantId: tenant.tenantId });
    }
    seed.apiKeys[tenant.tenantId] = await ensureApiKey(tenant.tenantId, opts.previousApiKeys?.[tenant.tenantId]);
    await seedTenantModels(tenant);
    await seedTrainingData(tenant.modelPackageGroupName);
    await seedDeploymentStory(tenant, FEATURE_NAMES);
    seed.endpoints[tenant.tenantId] = tenant.endpointName;
  }
  await seedTrainingSource();
  await waitForEndpoints(DEMO_TENANTS);
  const timings: string[] = [];
  const timed = async <T>(name: string, step: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await step();
    timings.push(`${name} ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return result;
  };
  await seedEndpointAlarms(DEMO_TENANTS);
  const capture = await timed("drift capture", () => seedDriftCapture(DEMO_TENANTS));
  seed.driftOnset = capture[0]!.driftOnset;
  await timed("history", () => seedHistory(DEMO_TENANTS, new Date(), new Date(seed.driftOnset)));
  // After the history: its explained flags give the runs the production model's mean |SHAP|.
  await timed("drift runs", () => seedDriftRuns(DEMO_TENANTS));
  // The seed runs on every start and in every test run: its cost stays visible.
  console.log(`seeded: ${timings.join(", ")}`);
  return seed;
}
