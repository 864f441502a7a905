import { describe, expect, it } from "vitest";
import { parseDeploymentSpec } from "@/lib/deployments/deployment-spec";
import { canarySpec, shadowSpec } from "./deploy-candidate";
import { promotedSpec } from "./promote-canary";

const base = parseDeploymentSpec({
  modelPackageGroupName: "acme-bank-fraud",
  variants: [{ variantName: "production", role: "production", modelVersion: 2, weight: 1, instanceType: "ml.c5.xlarge" }],
});

describe("promotion specs", () => {
  it("adds a shadow beside production alone, on production's instance type", () => {
    expect(shadowSpec(base, 4).shadowVariants).toEqual([
      { variantName: "shadow", modelVersion: 4, weight: 1, instanceCount: 1, instanceType: "ml.c5.xlarge" },
    ]);
  });

  it("refuses a shadow while a canary serves traffic (SageMaker allows a shadow beside one variant only)", () => {
    expect(() => shadowSpec(canarySpec(base, 4, 10), 5)).toThrow(expect.objectContaining({ code: "deployment_conflict" }) as Error);
  });

  it("splits traffic for a canary in percent and retires a shadow", () => {
    const spec = canarySpec(shadowSpec(base, 4), 4, 10);
    expect(spec.variants.map((v) => [v.variantName, v.role, v.modelVersion, v.weight])).toEqual([
      ["production", "production", 2, 90],
      ["canary", "canary", 4, 10],
    ]);
    expect(spec.shadowVariants).toEqual([]);
    expect(() => canarySpec(base, 4, 60)).toThrow(expect.objectContaining({ code: "bad_request" }) as Error);
    expect(() => canarySpec(base, 4, 0)).toThrow(expect.objectContaining({ code: "bad_request" }) as Error);
  });

  it("promotes: production serves the canary's version alone", () => {
    const spec = promotedSpec(canarySpec(base, 4, 10), "canary");
    expect(spec.variants).toEqual([{ ...base.variants[0], modelVersion: 4, weight: 1 }]);
  });
});
