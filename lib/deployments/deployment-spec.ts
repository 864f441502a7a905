import { z } from "zod";

/**
 * What a tenant's endpoint should be, declaratively: its variants (each serving one model package
 * version of the tenant's group), data capture and the Clarify explainer. lib/deployments turns it
 * into a CreateEndpointConfig input (build-endpoint-config.ts); the deployment record keeps it, so
 * the console, the rollback and the CDK app read one description instead of walking SageMaker.
 */

/** SageMaker's VariantName pattern (API reference, ProductionVariant). */
const variantName = z.string().regex(/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/, "letters, digits and dashes, at most 63");

export const VARIANT_ROLES = ["production", "canary"] as const;
export type VariantRole = (typeof VARIANT_ROLES)[number];

export const DEFAULT_INSTANCE_TYPE = "ml.m5.large";

export const variantSpecSchema = z.object({
  variantName,
  /** production serves the tenant; canary is a candidate on a share of the traffic (rolled back to 0). */
  role: z.enum(VARIANT_ROLES),
  /** The model package version (1, 2, …) in the tenant's model package group. */
  modelVersion: z.number().int().positive(),
  /** Relative: a variant's share is its weight over the sum (ProductionVariant.InitialVariantWeight); 0 is valid. */
  weight: z.number().finite().min(0),
  instanceCount: z.number().int().min(1).max(100).default(1),
  instanceType: z.string().min(1).default(DEFAULT_INSTANCE_TYPE),
});
export type VariantSpec = z.infer<typeof variantSpecSchema>;

/** ShadowProductionVariants: get a copy of live requests; their answers are captured, never returned. */
export const shadowVariantSpecSchema = variantSpecSchema.omit({ role: true }).extend({ weight: z.number().finite().min(0).default(1) });
export type ShadowVariantSpec = z.infer<typeof shadowVariantSpecSchema>;

export const dataCaptureSpecSchema = z.object({
  samplingPercentage: z.number().int().min(0).max(100),
  /** s3://bucket/prefix; SageMaker writes <prefix>/<endpoint>/<variant>/yyyy/mm/dd/hh/*.jsonl. */
  destinationS3Uri: z.string().regex(/^s3:\/\/[^/]+/, "an s3:// URI"),
});

export const explainerSpecSchema = z.object({
  /** InferenceConfig.FeatureHeaders: names the attributions, in the model's input order. */
  featureHeaders: z.array(z.string().min(1)).min(1),
  /** One or more CSV records Kernel SHAP starts from (ShapBaselineConfig.ShapBaseline, ≤ 4096 characters). */
  shapBaseline: z.string().min(1).max(4096),
  /** EnableExplanations, a JMESPath expression; requests override it with X-Amzn-SageMaker-Enable-Explanations. */
  enableExplanations: z.string().min(1).default("`false`"),
});

export const deploymentSpecSchema = z
  .object({
    modelPackageGroupName: z.string().min(1),
    variants: z.array(variantSpecSchema).min(1).max(10),
    shadowVariants: z.array(shadowVariantSpecSchema).max(1).default([]),
    dataCapture: dataCaptureSpecSchema.nullable().default(null),
    explainer: explainerSpecSchema.nullable().default(null),
  })
  .superRefine((spec, ctx) => {
    const names = [...spec.variants, ...spec.shadowVariants].map((v) => v.variantName);
    names.forEach((name, i) => {
      if (names.indexOf(name) !== i) ctx.addIssue({ code: "custom", path: ["variants"], message: `duplicate variant name ${name}` });
    });
    if (!spec.variants.some((v) => v.role === "production")) {
      ctx.addIssue({ code: "custom", path: ["variants"], message: "needs a production variant" });
    }
    if (spec.variants.every((v) => v.weight === 0)) {
      ctx.addIssue({ code: "custom", path: ["variants"], message: "weights must not all be 0" });
    }
    // CreateEndpointConfig API reference: shadow variants need exactly one production variant.
    if (spec.shadowVariants.length > 0 && spec.variants.length !== 1) {
      ctx.addIssue({ code: "custom", path: ["shadowVariants"], message: "a shadow variant needs exactly one production variant" });
    }
  });

export type DeploymentSpec = z.infer<typeof deploymentSpecSchema>;
/** What callers write: defaults (instance type and count, no shadow, no capture) filled by parsing. */
export type DeploymentSpecInput = z.input<typeof deploymentSpecSchema>;

export function parseDeploymentSpec(spec: DeploymentSpecInput): DeploymentSpec {
  return deploymentSpecSchema.parse(spec);
}

/** Variant name → weight, as the console shows and edits them. */
export function weightsOf(spec: DeploymentSpec): Record<string, number> {
  return Object.fromEntries(spec.variants.map((v) => [v.variantName, v.weight]));
}

/** A canary is live while any canary variant has a weight above 0. */
export function isCanaryLive(spec: DeploymentSpec): boolean {
  return spec.variants.some((v) => v.role === "canary" && v.weight > 0);
}
