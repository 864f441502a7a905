import { z } from "zod";
import { demoAccountsSchema } from "@/lib/auth/demo-accounts";

/**
 * The one place that reads process.env for the console and the lib/ code it shares with jobs.
 * AWS settings (region, credentials, per-service endpoint URLs) are *not* here: the SDK reads them
 * itself from its standard sources (AWS_REGION, AWS_ENDPOINT_URL_<SERVICE>, the default credential
 * chain), which is what keeps the local stack and AWS on the same code path.
 */
const booleanString = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

/** An optional variable holding JSON (its shape checked by a .pipe after): unset or empty is undefined. */
const jsonText = (expected: string) =>
  z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (!text) return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: expected });
        return z.NEVER;
      }
    });

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** DynamoDB table holding every tenant-scoped item (see lib/aws/tables.ts). */
    TABLE_NAME: z.string().min(3).default("fraud-console"),
    /** Bucket for model artifacts and training baselines. */
    MODELS_BUCKET: z.string().min(3).default("fraud-console-models"),
    /** Bucket SageMaker data capture writes to. */
    CAPTURE_BUCKET: z.string().min(3).default("fraud-console-capture"),
    /**
     * The IAM role SageMaker models run with (CreateModel ExecutionRoleArn; lib/deployments creates a
     * model per deployed package version). The CDK app sets it; the local emulator accepts any.
     */
    SAGEMAKER_EXECUTION_ROLE_ARN: z.string().min(20).default("arn:aws:iam::000000000000:role/fraud-console-sagemaker"),
    /**
     * Per-tenant execution roles, JSON `{ "<tenantId>": "<role ARN>" }` (lib/aws/execution-role.ts):
     * the CDK app gives each tenant a role that reaches only its own prefixes. A tenant not in it
     * gets SAGEMAKER_EXECUTION_ROLE_ARN.
     */
    SAGEMAKER_EXECUTION_ROLE_ARNS: jsonText("must be a JSON object of tenant id → role ARN").pipe(
      z.record(z.string().min(1), z.string().startsWith("arn:")).optional(),
    ),
    /** s3rver (and other S3 look-alikes) need path-style URLs; AWS does not. */
    S3_FORCE_PATH_STYLE: booleanString,
    /** CloudWatch namespace for the console's own metrics (decisions, degraded responses). */
    METRICS_NAMESPACE: z.string().min(1).default("FraudConsole"),
    /** Sign-in: seeded users with passwords (local, demo) or an OIDC provider such as Cognito. */
    AUTH_PROVIDER: z.enum(["credentials", "oidc"]).default("credentials"),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().optional(),
    OIDC_CLIENT_SECRET: z.string().optional(),
    /** The OIDC claims that carry the tenant and role of a signed-in user. */
    OIDC_TENANT_CLAIM: z.string().default("custom:tenant"),
    OIDC_ROLE_CLAIM: z.string().default("custom:role"),
    /**
     * Trust X-Forwarded-Host as the console's host in the same-origin check. Set it only behind a
     * load balancer or CDN that overwrites the header; otherwise any client could name its own
     * site as the console's.
     */
    TRUST_FORWARDED_HOST: booleanString,
    /**
     * The seeded demo accounts the sign-in page offers (JSON: [{ email, role, tenant }]). The local
     * launcher sets it only when the demo uses the default password; never set it in production.
     */
    DEMO_ACCOUNTS: jsonText("must be a JSON array of { email, role, tenant }").pipe(demoAccountsSchema.optional()),
    /**
     * Proxies of ours in front of the console that append to X-Forwarded-For (lib/auth/client-address.ts):
     * 1 = the load balancer (or Next itself locally). The client address counts sign-in failures.
     */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
    /**
     * Retraining (lib/training): hours after which an analyst's "false positive" verdict counts as a
     * matured legitimate label (a chargeback could still contradict a younger one); see
     * lib/training/label-maturity.ts. The demo's history spans three days, hence one day by default.
     */
    TRAINING_LEGIT_MATURITY_HOURS: z.coerce
      .number()
      .min(0)
      .max(24 * 365)
      .default(24),
    /** The training script as SageMaker script mode takes it (sagemaker_submit_directory); default under the models bucket. */
    TRAINING_SOURCE_S3_URI: z
      .string()
      .regex(/^s3:\/\/[^/]+\/.+\.tar\.gz$/, "an s3:// URI of a .tar.gz")
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (value.AUTH_PROVIDER !== "oidc") return;
    if (value.DEMO_ACCOUNTS) {
      ctx.addIssue({ code: "custom", path: ["DEMO_ACCOUNTS"], message: "DEMO_ACCOUNTS is for AUTH_PROVIDER=credentials only" });
    }
    for (const key of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const) {
      if (!value[key]) ctx.addIssue({ code: "custom", path: [key], message: `${key} is required when AUTH_PROVIDER=oidc` });
    }
  });

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Parses a set of variables; throws one error naming every problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

/** Parsed configuration; parsed on first use so that tests and scripts can set variables first. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
