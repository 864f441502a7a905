import { describe, expect, it } from "vitest";
import type { EndpointVariant } from "@/lib/queries/endpoints";
import { checkSplit, initialTyped } from "./weights-form";

const variant = (variantName: string, trafficShare: number, modelVersion: number, isShadow = false): EndpointVariant => ({
  variantName,
  role: isShadow ? "shadow" : variantName === "canary" ? "canary" : "production",
  modelName: null,
  modelVersion,
  instanceType: "ml.m5.large",
  currentWeight: trafficShare,
  desiredWeight: null,
  trafficShare,
  currentInstanceCount: 1,
  status: null,
});
const variants = [variant("production", 0.9, 2), variant("canary", 0.1, 3), variant("shadow", 0, 4, true)];

describe("checkSplit", () => {
  it("turns relative weights into shares, each with the version it goes to; shadows take no weight", () => {
    expect(checkSplit(variants, { production: "80", canary: "20" })).toEqual({
      ok: true,
      weights: { production: 80, canary: 20 },
      rows: [
        { variantName: "production", modelVersion: "2", weight: 80, share: 0.8, currentShare: 0.9 },
        { variantName: "canary", modelVersion: "3", weight: 20, share: 0.2, currentShare: 0.1 },
      ],
    });
    expect(checkSplit(variants, { production: "3", canary: "1" })).toMatchObject({ ok: true, rows: [{ share: 0.75 }, { share: 0.25 }] });
  });

  it.each([
    [{ production: "", canary: "20" }, { production: "Enter a weight (0 for no traffic)" }],
    [{ production: "abc", canary: "20" }, { production: "Must be a number" }],
    [{ production: "-1", canary: "20" }, { production: "Must be 0 or more" }],
    [{ production: "2000000", canary: "1" }, { production: "At most 1,000,000" }],
    [{ production: "0", canary: "0" }, { _form: "At least one variant must take traffic" }],
  ])("refuses %j", (typed, errors) => {
    expect(checkSplit(variants, typed)).toEqual({ ok: false, errors });
  });

  it("starts from the current shares as percentages", () => {
    expect(initialTyped(variants)).toEqual({ production: "90", canary: "10" });
  });
});
