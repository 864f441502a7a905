import { TENANTS, type TenantDefinition } from "@/infra/tenants";

/**
 * What one deployment of the CDK app is, typed and validated once (app.ts reads it from context).
 * Everything else in infra/aws takes it as props; nothing reads context or the environment itself.
 */
export interface TenantDeployment extends TenantDefinition {
  /**
   * The committed model versions (infra/model/artifacts/<group>/v<N>) the first deployment serves:
   * production on all the traffic and the canary at weight 0, so the endpoint has the two variants
   * the console steers. After that lib/deployments owns the endpoint (new configs, weights); an
   * infrastructure deploy keeps its variant properties (RetainAllVariantProperties).
   */
  productionVersion: number;
  canaryVersion: number;
  /** The p95 answer latency (VariantLatency) the canary alarm holds the tenant to, in milliseconds (the seeds' SLO: 200). */
  latencySloMs: number;
}

export interface AppConfig {
  /** production: tables, buckets and keys are retained and the table is deletion-protected. */
  readonly stage: "production" | "staging";
  /** Prefix of every physical name (table, buckets' logical ids, log groups). */
  readonly prefix: string;
  readonly tenants: readonly TenantDeployment[];
  /** The account's daily cost budget in USD; the alarm fires when actual cost passes it. */
  readonly dailyBudgetUsd: number;
  /** Where the budget and operations alarms are e-mailed, if anywhere (the SNS topic exists regardless). */
  readonly alertEmail?: string;
  /** Endpoint autoscaling of the production variant. */
  readonly autoscaling: { minInstances: number; maxInstances: number; invocationsPerInstancePerMinute: number };
  /** WAF rate-based rules: requests per 5 minutes per client address, and per API key on /api/score*. */
  readonly rateLimits: { perAddressPer5Min: number; perApiKeyPer5Min: number };
  /**
   * Capture bytes of a tenant's trailing day above which drift fans out per hour (drift-fan-out.ts).
   * One Lambda streams a day whole in well under its 15 minutes up to here (the drift job's target
   * is 1 M records in ≤ 10 s; ~1 KB of capture per record).
   */
  readonly driftFanOutAboveBytes: number;
  /** Console tasks behind the load balancer. */
  readonly console: { minTasks: number; maxTasks: number; cpu: number; memoryMiB: number };
}

/** The first deployment of each shared tenant: the best committed version in production, the next as canary. */
const FIRST_DEPLOYMENTS: Record<string, Pick<TenantDeployment, "productionVersion" | "canaryVersion">> = {
  "acme-bank": { productionVersion: 2, canaryVersion: 1 },
  "globex-pay": { productionVersion: 1, canaryVersion: 2 },
};

export function defaultTenants(): TenantDeployment[] {
  return TENANTS.map((tenant) => {
    const first = FIRST_DEPLOYMENTS[tenant.tenantId];
    if (!first) throw new Error(`infra/aws/config.ts has no first deployment for tenant ${tenant.tenantId}`);
    return { ...tenant, ...first, latencySloMs: 200 };
  });
}

export function defaultConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return validateConfig({
    stage: "staging",
    prefix: "fraud-console",
    tenants: defaultTenants(),
    dailyBudgetUsd: 150,
    // AWS's method: half the measured per-instance maximum, per minute. 100 req/s per ml.m5.large is a
    // deliberately low guess for a 14-feature XGBoost model until a load test says otherwise.
    autoscaling: { minInstances: 1, maxInstances: 4, invocationsPerInstancePerMinute: 3000 },
    rateLimits: { perAddressPer5Min: 3000, perApiKeyPer5Min: 60000 },
    driftFanOutAboveBytes: 2 * 1024 ** 3,
    console: { minTasks: 2, maxTasks: 6, cpu: 1024, memoryMiB: 2048 },
    ...overrides,
  });
}

export function validateConfig(config: AppConfig): AppConfig {
  const problems: string[] = [];
  if (!/^[a-z][a-z0-9-]{1,20}$/.test(config.prefix)) problems.push("prefix: lower-case letters, digits, dashes, at most 21");
  if (config.tenants.length === 0) problems.push("tenants: at least one");
  const endpoints = new Set(config.tenants.map((t) => t.endpointName));
  if (endpoints.size !== config.tenants.length) problems.push("tenants: endpoint names must be unique");
  for (const t of config.tenants) {
    if (t.productionVersion === t.canaryVersion) problems.push(`${t.tenantId}: production and canary must serve different versions`);
    if (!(t.latencySloMs > 0)) problems.push(`${t.tenantId}: latencySloMs must be positive`);
  }
  const a = config.autoscaling;
  if (!(a.minInstances >= 1 && a.maxInstances >= a.minInstances)) problems.push("autoscaling: 1 ≤ minInstances ≤ maxInstances");
  if (!(config.dailyBudgetUsd > 0)) problems.push("dailyBudgetUsd must be positive");
  // WAF's rate-based rules count over 5 minutes and accept limits from 10 (AWS WAF RateBasedStatement).
  if (config.rateLimits.perAddressPer5Min < 10 || config.rateLimits.perApiKeyPer5Min < 10) problems.push("rateLimits: at least 10");
  if (!(config.driftFanOutAboveBytes > 0)) problems.push("driftFanOutAboveBytes must be positive");
  if (config.console.minTasks < 1 || config.console.maxTasks < config.console.minTasks) problems.push("console: 1 ≤ minTasks ≤ maxTasks");
  if (problems.length > 0) throw new Error(`Invalid CDK app configuration: ${problems.join("; ")}`);
  return config;
}
