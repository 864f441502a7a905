import { z } from "zod";
import { DEVICE_TYPES } from "@/lib/features/vocabularies";
import { DEFAULT_DRIFT_THRESHOLDS, driftThresholdsSchema } from "@/lib/drift/drift-thresholds";
import { DEFAULT_PROMOTION_GUARDRAIL_SETTINGS, promotionGuardrailsSchema } from "@/lib/promotion/guardrails";

/**
 * Per-tenant scoring settings, edited by admins (PUT /api/settings) and read on every score. Stored
 * as one item per tenant with a version for optimistic concurrency (lib/settings/save-settings.ts).
 */

/** Numeric transaction fields a threshold rule may test (the transaction schema's names). */
export const RULE_FIELDS = [
  "amount",
  "customer_avg_amount_30d",
  "txn_count_1h",
  "txn_count_24h",
  "account_age_days",
  "device_age_days",
  "merchant_chargeback_rate_90d",
] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

/** Generous: a protection against a runaway client, not a quota (a 2-core instance serves ~1,000/s). */
export const DEFAULT_RATE_LIMIT_PER_SECOND = 2000;

export const RULE_OPERATORS = ["gt", "gte", "lt", "lte"] as const;

export const ruleSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "lower-case letters, digits, - and _"),
  description: z.string().min(1).max(200),
  field: z.enum(RULE_FIELDS),
  operator: z.enum(RULE_OPERATORS),
  value: z.number().finite(),
  /** REVIEW raises the decision to at least REVIEW; SUSPICIOUS decides without the model. */
  decision: z.enum(["REVIEW", "SUSPICIOUS"]),
  enabled: z.boolean().default(true),
});
export type Rule = z.infer<typeof ruleSchema>;

const countryCode = z.string().regex(/^[A-Z]{2}$/, "expected an ISO 3166-1 alpha-2 country code");

export const blockListsSchema = z.object({
  /** Device types declined outright (transaction field `device`). */
  devices: z.array(z.enum(DEVICE_TYPES)).max(DEVICE_TYPES.length),
  /** Countries declined outright (transaction field `country`, or `geo` when it is a country code). */
  countries: z.array(countryCode).max(250),
});
export type BlockLists = z.infer<typeof blockListsSchema>;

/**
 * Approval gates (lib/promotion/gates.ts): a version is approved only when its ROC-AUC reaches the
 * minimum (the seeds' 004 gate) and it is no further behind the production version, on the same
 * held-out split, than the tolerances. Tolerances are how much worse than production is accepted.
 */
export const approvalGatesSchema = z.object({
  minRocAuc: z.number().min(0).max(1),
  maxPrAucDrop: z.number().min(0).max(1),
  maxRecallAt80PrecisionDrop: z.number().min(0).max(1),
});
export type ApprovalGates = z.infer<typeof approvalGatesSchema>;

export const DEFAULT_APPROVAL_GATES: ApprovalGates = { minRocAuc: 0.7, maxPrAucDrop: 0.02, maxRecallAt80PrecisionDrop: 0.03 };

/**
 * The scoring SLO behind the error budget (lib/error-budget): the share of scoring requests answered
 * without error and not degraded, and the p95 latency objective (the seeds' policy: 99.9%, 200 ms).
 */
export const sloSchema = z.object({
  availabilityTarget: z.number().min(0.9).max(0.99999),
  latencyP95Ms: z.number().int().min(1).max(60_000),
});
export type Slo = z.infer<typeof sloSchema>;

export const DEFAULT_SLO: Slo = { availabilityTarget: 0.999, latencyP95Ms: 200 };

export const tenantSettingsSchema = z
  .object({
    thresholds: z.object({
      review: z.number().min(0).max(1),
      suspicious: z.number().min(0).max(1),
    }),
    rules: z.array(ruleSchema).max(50),
    blockLists: blockListsSchema,
    /** What a transaction gets when the model cannot answer in time: REVIEW (step-up) or LEGIT (allow). */
    failMode: z.enum(["review", "allow"]),
    /** The model call's share of the payment app's latency budget; slower answers degrade. */
    timeoutBudgetMs: z.number().int().min(10).max(10_000),
    /**
     * Scoring requests per second per API key (lib/scoring/rate-limit). Settings saved before the
     * limit existed read as the default.
     */
    rateLimitPerSecond: z.number().int().min(1).max(100_000).default(DEFAULT_RATE_LIMIT_PER_SECOND),
    /**
     * Wait for a flagged transaction's SHAP reasons within what is left of timeoutBudgetMs (one more
     * InvokeEndpoint with Clarify on; on AWS, Kernel SHAP costs hundreds of ms per record). Off: the
     * answer never waits and reasons arrive on the queue item later (lib/scoring/README.md).
     */
    synchronousReasons: z.boolean().default(false),
    /** Drift thresholds and the retraining recommendation's weight (lib/drift/drift-thresholds.ts). */
    drift: driftThresholdsSchema.default(DEFAULT_DRIFT_THRESHOLDS),
    /** Settings saved before the gates existed read as the defaults. */
    approvalGates: approvalGatesSchema.default(DEFAULT_APPROVAL_GATES),
    slo: sloSchema.default(DEFAULT_SLO),
    /** When a canary may be promoted to 100% (lib/promotion/guardrails.ts); saved before it existed: the defaults. */
    promotionGuardrails: promotionGuardrailsSchema.default(DEFAULT_PROMOTION_GUARDRAIL_SETTINGS),
  })
  .superRefine((s, ctx) => {
    if (s.thresholds.suspicious < s.thresholds.review) {
      ctx.addIssue({ code: "custom", path: ["thresholds", "suspicious"], message: "must be at least the review threshold" });
    }
    const ids = s.rules.map((r) => r.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: "custom", path: ["rules", i, "id"], message: `duplicate rule id ${id}` });
    });
  });

export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

/**
 * Defaults for a tenant that never saved settings. The thresholds suit the committed models'
 * calibration (fraud base rate ~1%); 25,000 is the usual manual-review limit for a single card payment;
 * emulators and comprehensively sanctioned countries are declined by policy, not by score.
 */
export const DEFAULT_TENANT_SETTINGS: TenantSettings = {
  thresholds: { review: 0.35, suspicious: 0.8 },
  rules: [
    {
      id: "large-amount",
      description: "Amount over 25,000",
      field: "amount",
      operator: "gt",
      value: 25_000,
      decision: "SUSPICIOUS",
      enabled: true,
    },
  ],
  blockLists: { devices: ["emulator"], countries: ["CU", "IR", "KP", "SY"] },
  failMode: "review",
  timeoutBudgetMs: 250,
  rateLimitPerSecond: DEFAULT_RATE_LIMIT_PER_SECOND,
  synchronousReasons: false,
  drift: DEFAULT_DRIFT_THRESHOLDS,
  approvalGates: DEFAULT_APPROVAL_GATES,
  slo: DEFAULT_SLO,
  promotionGuardrails: DEFAULT_PROMOTION_GUARDRAIL_SETTINGS,
};
