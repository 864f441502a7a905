import { describe, expect, it } from "vitest";
import type { DeploymentHistoryEntry } from "@/lib/deployments/deployment-record";
import { historyServingVersions } from "./serving-versions";

const entry = (at: string, variants: Array<[string, number]>): DeploymentHistoryEntry =>
  ({
    version: 1,
    kind: "canary",
    at,
    actor: "t",
    reason: null,
    endpointConfigName: "c",
    spec: {
      variants: variants.map(([variantName, modelVersion]) => ({ variantName, modelVersion, role: "production", weight: 1 })),
      shadowVariants: [],
    },
  }) as unknown as DeploymentHistoryEntry;

describe("historyServingVersions", () => {
  const history = [
    entry("2026-10-28T00:00:00Z", [["production", 2]]),
    entry("2026-10-20T00:00:00Z", [
      ["production", 1],
      ["canary", 2],
    ]),
  ];
  const versionOf = historyServingVersions(history, (variant) => (variant === "production" ? "9" : null));

  it("answers the version of the last deployment at or before the record", () => {
    expect(versionOf("production", Date.parse("2026-10-21T00:00:00Z"))).toBe("1");
    expect(versionOf("canary", Date.parse("2026-10-21T00:00:00Z"))).toBe("2");
    expect(versionOf("production", Date.parse("2026-10-28T00:00:00Z"))).toBe("2");
  });

  it("falls back to the current config before the history and for variants it does not name", () => {
    expect(versionOf("production", Date.parse("2026-10-01T00:00:00Z"))).toBe("9");
    expect(versionOf("canary", Date.parse("2026-11-01T00:00:00Z"))).toBeNull();
  });
});
