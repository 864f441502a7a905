import { describe, expect, it } from "vitest";
import { buildEndpointConfigInput, endpointConfigNameFor, modelNameFor } from "./build-endpoint-config";
import { deploymentSpecSchema, isCanaryLive, parseDeploymentSpec, weightsOf, type DeploymentSpecInput } from "./deployment-spec";

const production = { variantName: "production", role: "production", modelVersion: 1, weight: 90 } as const;
const canary = {
  variantName: "canary",
  role: "canary",
  modelVersion: 2,
  weight: 10,
  instanceType: "ml.c5.xlarge",
  instanceCount: 2,
} as const;
const spec: DeploymentSpecInput = {
  modelPackageGroupName: "acme-bank-fraud",
  variants: [production, canary],
  dataCapture: { samplingPercentage: 100, destinationS3Uri: "s3://capture/datacapture" },
  explainer: { featureHeaders: ["amount", "hour"], shapBaseline: "50,12" },
};

describe("buildEndpointConfigInput", () => {
  it("turns a spec into CreateEndpointConfig: variants on their models, capture, Clarify, the tenant tag", () => {
    const input = buildEndpointConfigInput(parseDeploymentSpec(spec), { endpointConfigName: "cfg-1", tenantId: "acme-bank" });
    expect(input).toEqual({
      EndpointConfigName: "cfg-1",
      ProductionVariants: [
        {
          VariantName: "production",
          ModelName: "acme-bank-fraud-v1",
          InitialInstanceCount: 1,
          InstanceType: "ml.m5.large",
          InitialVariantWeight: 90,
        },
        {
          VariantName: "canary",
          ModelName: "acme-bank-fraud-v2",
          InitialInstanceCount: 2,
          InstanceType: "ml.c5.xlarge",
          InitialVariantWeight: 10,
        },
      ],
      ShadowProductionVariants: undefined,
      DataCaptureConfig: {
        EnableCapture: true,
        InitialSamplingPercentage: 100,
        DestinationS3Uri: "s3://capture/datacapture",
        CaptureOptions: [{ CaptureMode: "Input" }, { CaptureMode: "Output" }],
        CaptureContentTypeHeader: { CsvContentTypes: ["text/csv"], JsonContentTypes: ["application/json"] },
      },
      ExplainerConfig: {
        ClarifyExplainerConfig: {
          EnableExplanations: "`false`",
          InferenceConfig: { FeatureHeaders: ["amount", "hour"] },
          ShapConfig: { ShapBaselineConfig: { MimeType: "text/csv", ShapBaseline: "50,12" }, UseLogit: true },
        },
      },
      Tags: [{ Key: "tenant", Value: "acme-bank" }],
    });
  });

  it("adds shadow variants and leaves capture and explainer out when the spec has none", () => {
    const input = buildEndpointConfigInput(
      parseDeploymentSpec({
        modelPackageGroupName: "g",
        variants: [{ variantName: "production", role: "production", modelVersion: 2, weight: 1 }],
        shadowVariants: [{ variantName: "shadow", modelVersion: 4 }],
      }),
      { endpointConfigName: "cfg", tenantId: "t" },
    );
    expect(input.ShadowProductionVariants).toEqual([
      { VariantName: "shadow", ModelName: "g-v4", InitialInstanceCount: 1, InstanceType: "ml.m5.large", InitialVariantWeight: 1 },
    ]);
    expect(input.DataCaptureConfig).toBeUndefined();
    expect(input.ExplainerConfig).toBeUndefined();
  });

  it("names models per version and configs per deployment within SageMaker's 63 characters", () => {
    expect(modelNameFor("globex-pay-fraud", 3)).toBe("globex-pay-fraud-v3");
    const name = endpointConfigNameFor("fraud-it-a-very-long-label-of-twenty-mor7x2k9abcd", 12, "abc123");
    expect(name).toBe("fraud-it-a-very-long-label-of-twenty-mor7x2k-d12-abc123");
    expect(name.length).toBeLessThanOrEqual(63);
  });
});

describe("deploymentSpecSchema", () => {
  const base = [production, canary] as const;
  it.each([
    ["duplicate variant names", { variants: [base[0], { ...base[1], variantName: "production" }] }, "duplicate variant name production"],
    ["no production variant", { variants: [base[1]] }, "needs a production variant"],
    [
      "all weights 0",
      {
        variants: [
          { ...base[0], weight: 0 },
          { ...base[1], weight: 0 },
        ],
      },
      "weights must not all be 0",
    ],
    ["a negative weight", { variants: [{ ...base[0], weight: -1 }] }, "Too small"],
    ["a bad variant name", { variants: [{ ...base[0], variantName: "prod_1" }] }, "letters, digits and dashes"],
    [
      "a shadow beside two production variants",
      { shadowVariants: [{ variantName: "shadow", modelVersion: 3 }] },
      "a shadow variant needs exactly one production variant",
    ],
  ])("refuses %s", (_, change, message) => {
    const result = deploymentSpecSchema.safeParse({ ...spec, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join("; ")).toContain(message);
  });

  it("tells weights and whether a canary is live", () => {
    const parsed = parseDeploymentSpec(spec);
    expect(weightsOf(parsed)).toEqual({ production: 90, canary: 10 });
    expect(isCanaryLive(parsed)).toBe(true);
    expect(isCanaryLive(parseDeploymentSpec({ ...spec, variants: [base[0], { ...base[1], weight: 0 }] }))).toBe(false);
  });
});
