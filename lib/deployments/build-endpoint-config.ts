import { randomBytes } from "node:crypto";
import type { CreateEndpointConfigCommandInput, ProductionVariant, ProductionVariantInstanceType } from "@aws-sdk/client-sagemaker";
import type { DeploymentSpec, ShadowVariantSpec, VariantSpec } from "./deployment-spec";

/** The tag the registry's deployments put on each SageMaker model: the model package version it serves. */
export const MODEL_VERSION_TAG = "model-version";
export const TENANT_TAG = "tenant";

/** The SageMaker model of a package version: one per version, shared by every config that serves it. */
export const modelNameFor = (modelPackageGroupName: string, version: number) => `${modelPackageGroupName}-v${version}`;

/**
 * A fresh endpoint config name per deployment (configs are immutable; the previous one stays so a
 * rollback can restore it). EndpointConfigName allows 63 characters.
 */
export function endpointConfigNameFor(endpointName: string, deploymentVersion: number, suffix = randomBytes(3).toString("hex")): string {
  return `${endpointName.slice(0, 44)}-d${deploymentVersion}-${suffix}`;
}

/**
 * The CreateEndpointConfig input for a spec: production variants, shadow variants, data capture and
 * the Clarify explainer, tagged with the tenant. Pure: the models (modelNameFor) must exist before
 * the config is created (ensure-model.ts).
 */
export function buildEndpointConfigInput(
  spec: DeploymentSpec,
  options: { endpointConfigName: string; tenantId: string },
): CreateEndpointConfigCommandInput {
  const variant = (v: VariantSpec | ShadowVariantSpec): ProductionVariant => ({
    VariantName: v.variantName,
    ModelName: modelNameFor(spec.modelPackageGroupName, v.modelVersion),
    InitialInstanceCount: v.instanceCount,
    InstanceType: v.instanceType as ProductionVariantInstanceType,
    InitialVariantWeight: v.weight,
  });
  return {
    EndpointConfigName: options.endpointConfigName,
    ProductionVariants: spec.variants.map(variant),
    ShadowProductionVariants: spec.shadowVariants.length > 0 ? spec.shadowVariants.map(variant) : undefined,
    DataCaptureConfig: spec.dataCapture
      ? {
          EnableCapture: true,
          InitialSamplingPercentage: spec.dataCapture.samplingPercentage,
          DestinationS3Uri: spec.dataCapture.destinationS3Uri,
          CaptureOptions: [{ CaptureMode: "Input" }, { CaptureMode: "Output" }],
          // Listed types are captured as text; any other is base64 (CaptureContentTypeHeader).
          CaptureContentTypeHeader: { CsvContentTypes: ["text/csv"], JsonContentTypes: ["application/json"] },
        }
      : undefined,
    ExplainerConfig: spec.explainer
      ? {
          ClarifyExplainerConfig: {
            // Explanations are asked for per request (only for risky records); off by default.
            EnableExplanations: spec.explainer.enableExplanations,
            InferenceConfig: { FeatureHeaders: [...spec.explainer.featureHeaders] },
            // Clarify's Kernel SHAP needs a baseline (ShapBaselineConfig is required); each explained
            // record costs n_samples model calls per baseline record (2,076 for 14 features), on AWS
            // and in the emulator alike. UseLogit: attributions in log-odds, as scoring reads them.
            ShapConfig: { ShapBaselineConfig: { MimeType: "text/csv", ShapBaseline: spec.explainer.shapBaseline }, UseLogit: true },
          },
        }
      : undefined,
    Tags: [{ Key: TENANT_TAG, Value: options.tenantId }],
  };
}
