import { describe, expect, it } from "vitest";
import { FEATURE_NAMES, toFeatureVector } from "@/lib/features/schema";
import { transactionSchema } from "@/lib/features/transaction";
import { topReasons } from "./top-reasons";

const txn = transactionSchema.parse({ txn_id: "2", amount: 5000, geo: "unknown", device: "rooted-phone" });
const vector = toFeatureVector(txn);

describe("topReasons", () => {
  const attributions = FEATURE_NAMES.map((feature) => ({
    feature,
    attribution:
      ({ amount: 1.2, is_rooted_device: 2.5, geo: 0.4, device_type: 0.1, hour_of_day: -0.9 } as Record<string, number>)[feature] ?? 0,
  }));

  it("lists the largest positive contributions first, labelled and described from the feature schema", () => {
    const reasons = topReasons(attributions, vector, FEATURE_NAMES);
    expect(reasons.map((r) => r.feature)).toEqual(["is_rooted_device", "amount", "geo"]);
    expect(reasons[0]).toEqual({
      feature: "is_rooted_device",
      label: "Rooted or emulated device",
      value: 1,
      description: "a rooted or emulated device",
      attribution: 2.5,
    });
    expect(reasons[1]?.description).toBe("an amount of 5,000.00");
  });
  it("never offers a feature that argued for legitimacy", () => {
    expect(topReasons(attributions, vector, FEATURE_NAMES, 10).map((r) => r.feature)).not.toContain("hour_of_day");
  });
  it("is empty for an unexplained record", () => {
    expect(topReasons(null, vector, FEATURE_NAMES)).toEqual([]);
  });
});
