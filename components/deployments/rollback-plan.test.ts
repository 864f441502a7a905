import { describe, expect, it } from "vitest";
import type { EndpointDetail, EndpointVariant } from "@/lib/queries/endpoints";
import { diffStates, hasTrafficMoved, planRollback } from "./rollback-plan";

const variant = (
  variantName: string,
  currentWeight: number,
  trafficShare: number,
  modelVersion: string,
  isShadow = false,
): EndpointVariant => ({
  variantName,
  modelName: null,
  modelVersion,
  instanceType: "ml.m5.large",
  currentWeight,
  desiredWeight: null,
  trafficShare,
  currentInstanceCount: 1,
  status: null,
  isShadow,
});
const endpoint = (variants: EndpointVariant[], status = "InService", endpointConfigName = "cfg-2"): EndpointDetail => ({
  endpointName: "fraud-acme",
  endpointConfigName,
  status,
  failureReason: null,
  createdAt: null,
  lastModifiedAt: null,
  dataCaptureEnabled: true,
  variants,
});

describe("planRollback", () => {
  it("disables a live canary: production 100%, canary 0%, same config; shadows untouched", () => {
    const plan = planRollback(
      endpoint([variant("production", 0.8, 0.8, "2"), variant("canary", 0.2, 0.2, "3"), variant("shadow", 0, 0, "4", true)]),
      null,
    );
    expect(plan).toEqual({
      kind: "disable_canary",
      configBefore: "cfg-2",
      configAfter: "cfg-2",
      rows: [
        { variantName: "production", versionBefore: "2", versionAfter: "2", shareBefore: 0.8, shareAfter: 1 },
        { variantName: "canary", versionBefore: "3", versionAfter: "3", shareBefore: 0.2, shareAfter: 0 },
      ],
    });
  });

  it("restores the previous deployment's config after a promotion", () => {
    const previous = {
      endpointConfigName: "cfg-1",
      variants: [
        { variantName: "production", modelVersion: 1, weight: 90 },
        { variantName: "canary", modelVersion: 2, weight: 10 },
      ],
    };
    const plan = planRollback(endpoint([variant("production", 1, 1, "2")]), previous);
    expect(plan.kind).toBe("restore_config");
    expect(plan.configAfter).toBe("cfg-1");
    expect(plan.rows).toEqual([
      { variantName: "production", versionBefore: "2", versionAfter: "1", shareBefore: 1, shareAfter: 0.9 },
      { variantName: "canary", versionBefore: null, versionAfter: "2", shareBefore: null, shareAfter: 0.1 },
    ]);
  });

  it("has nothing to roll back without a live canary or a previous deployment", () => {
    expect(planRollback(endpoint([variant("production", 1, 1, "2"), variant("canary", 0, 0, "3")]), null).kind).toBe("none");
  });
});

describe("hasTrafficMoved", () => {
  const after = {
    endpointConfigName: "cfg-2",
    variants: [
      { variantName: "production", weight: 1 },
      { variantName: "canary", weight: 0 },
    ],
  };
  it("is true once the endpoint is InService with the after shares", () => {
    expect(hasTrafficMoved(endpoint([variant("production", 1, 1, "2"), variant("canary", 0, 0, "3")]), after)).toBe(true);
  });
  it.each([
    ["still updating", endpoint([variant("production", 1, 1, "2"), variant("canary", 0, 0, "3")], "Updating")],
    ["old shares", endpoint([variant("production", 0.8, 0.8, "2"), variant("canary", 0.2, 0.2, "3")])],
    ["another config", endpoint([variant("production", 1, 1, "2"), variant("canary", 0, 0, "3")], "InService", "cfg-9")],
  ])("is false while %s", (_, ep) => {
    expect(hasTrafficMoved(ep, after)).toBe(false);
  });
});

describe("diffStates", () => {
  it("tolerates missing states", () => {
    expect(diffStates(null, null)).toEqual([]);
  });
});
