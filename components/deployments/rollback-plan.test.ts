import { describe, expect, it } from "vitest";
import type { EndpointDetail, EndpointVariant } from "@/lib/queries/endpoints";
import { diffStates, hasTrafficMoved, planFromPreview } from "./rollback-plan";

const variant = (variantName: string, trafficShare: number, role: EndpointVariant["role"] = "production"): EndpointVariant => ({
  variantName,
  role,
  modelName: null,
  modelVersion: 2,
  instanceType: "ml.m5.large",
  currentWeight: trafficShare,
  desiredWeight: null,
  trafficShare,
  currentInstanceCount: 1,
  status: null,
});
const endpoint = (
  variants: EndpointVariant[],
  rollback: EndpointDetail["rollback"] = { available: false, reason: "No canary is live" },
  status = "InService",
  endpointConfigName = "cfg-2",
): EndpointDetail => ({
  endpointName: "fraud-acme",
  endpointConfigName,
  status,
  failureReason: null,
  lastModifiedAt: null,
  variants,
  deployment: null,
  rollback,
});

describe("planFromPreview", () => {
  it("shows the server's canary-off preview as shares before → after with the versions, same config", () => {
    const plan = planFromPreview(
      endpoint([], {
        available: true,
        mode: "weights",
        before: {
          endpointConfigName: "cfg-2",
          variants: [
            { variantName: "production", role: "production", modelVersion: 2, weight: 80 },
            { variantName: "canary", role: "canary", modelVersion: 3, weight: 20 },
          ],
        },
        after: {
          endpointConfigName: "cfg-2",
          variants: [
            { variantName: "production", role: "production", modelVersion: 2, weight: 100 },
            { variantName: "canary", role: "canary", modelVersion: 3, weight: 0 },
          ],
        },
      }),
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

  it("shows a restored config, with a variant only on one side", () => {
    const plan = planFromPreview(
      endpoint([], {
        available: true,
        mode: "restore_config",
        before: { endpointConfigName: "cfg-2", variants: [{ variantName: "production", role: "production", modelVersion: 2, weight: 1 }] },
        after: {
          endpointConfigName: "cfg-1",
          variants: [
            { variantName: "production", role: "production", modelVersion: 1, weight: 90 },
            { variantName: "canary", role: "canary", modelVersion: 2, weight: 10 },
          ],
        },
      }),
    );
    expect(plan.kind).toBe("restore_config");
    expect(plan.configAfter).toBe("cfg-1");
    expect(plan.rows).toEqual([
      { variantName: "production", versionBefore: "2", versionAfter: "1", shareBefore: 1, shareAfter: 0.9 },
      { variantName: "canary", versionBefore: null, versionAfter: "2", shareBefore: null, shareAfter: 0.1 },
    ]);
  });

  it("says why there is nothing to roll back", () => {
    expect(planFromPreview(endpoint([]))).toMatchObject({ kind: "none", unavailableReason: "No canary is live" });
  });
});

describe("hasTrafficMoved", () => {
  const after = {
    endpointConfigName: "cfg-2",
    variants: [
      { variantName: "production", weight: 100 },
      { variantName: "canary", weight: 0 },
    ],
  };
  it("is true once the endpoint is InService with the after shares", () => {
    expect(hasTrafficMoved(endpoint([variant("production", 1), variant("canary", 0, "canary")]), after)).toBe(true);
  });
  it.each([
    ["still updating", endpoint([variant("production", 1), variant("canary", 0, "canary")], undefined, "Updating")],
    ["old shares", endpoint([variant("production", 0.8), variant("canary", 0.2, "canary")])],
    ["another config", endpoint([variant("production", 1), variant("canary", 0, "canary")], undefined, "InService", "cfg-9")],
  ])("is false while %s", (_, ep) => {
    expect(hasTrafficMoved(ep, after)).toBe(false);
  });
});

describe("diffStates", () => {
  it("tolerates missing states", () => {
    expect(diffStates(null, null)).toEqual([]);
  });
});
