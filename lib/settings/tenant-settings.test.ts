import { describe, expect, it } from "vitest";
import { DEFAULT_TENANT_SETTINGS, tenantSettingsSchema } from "./tenant-settings";

const issuesOf = (value: unknown) => {
  const parsed = tenantSettingsSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."));
};

describe("tenantSettingsSchema", () => {
  it("accepts the defaults", () => {
    expect(tenantSettingsSchema.parse(DEFAULT_TENANT_SETTINGS)).toEqual(DEFAULT_TENANT_SETTINGS);
  });
  it("includes the issue's defaults: amount > 25,000 → SUSPICIOUS and device/country block lists", () => {
    expect(DEFAULT_TENANT_SETTINGS.rules).toContainEqual(
      expect.objectContaining({ field: "amount", operator: "gt", value: 25_000, decision: "SUSPICIOUS" }),
    );
    expect(DEFAULT_TENANT_SETTINGS.blockLists.devices.length).toBeGreaterThan(0);
    expect(DEFAULT_TENANT_SETTINGS.blockLists.countries.length).toBeGreaterThan(0);
  });
  it.each([
    ["a suspicious threshold below the review threshold", { thresholds: { review: 0.6, suspicious: 0.5 } }, "thresholds.suspicious"],
    ["a threshold above 1", { thresholds: { review: 0.5, suspicious: 1.5 } }, "thresholds.suspicious"],
    ["an unknown fail mode", { failMode: "panic" }, "failMode"],
    ["a timeout budget of 0", { timeoutBudgetMs: 0 }, "timeoutBudgetMs"],
    ["an unknown device in the block list", { blockLists: { devices: ["toaster"], countries: [] } }, "blockLists.devices.0"],
    ["a lower-case country", { blockLists: { devices: [], countries: ["us"] } }, "blockLists.countries.0"],
    [
      "a rule on an unknown field",
      { rules: [{ id: "x", description: "x", field: "password", operator: "gt", value: 1, decision: "REVIEW" }] },
      "rules.0.field",
    ],
    [
      "duplicate rule ids",
      {
        rules: [
          { id: "x", description: "x", field: "amount", operator: "gt", value: 1, decision: "REVIEW" },
          { id: "x", description: "y", field: "amount", operator: "lt", value: 1, decision: "REVIEW" },
        ],
      },
      "rules.1.id",
    ],
  ])("refuses %s, naming the field", (_name, change, field) => {
    expect(issuesOf({ ...DEFAULT_TENANT_SETTINGS, ...change })).toContain(field);
  });
});
