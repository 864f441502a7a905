import { describe, expect, it } from "vitest";
import { transactionSchema } from "@/lib/features/transaction";
import { DEFAULT_TENANT_SETTINGS, type TenantSettings } from "@/lib/settings/tenant-settings";
import { degradedDecision } from "./degraded-decision";
import { screenRules } from "./screen-rules";

const txn = (fields: Record<string, unknown>) => transactionSchema.parse({ txn_id: "t1", amount: 50, ...fields });

describe("screenRules with the default settings", () => {
  it("lets an ordinary payment through with no hits", () => {
    expect(screenRules(txn({ device: "mobile" }), DEFAULT_TENANT_SETTINGS)).toEqual({ hits: [], floor: "LEGIT", isDecided: false });
  });
  it("decides SUSPICIOUS for an amount over 25,000 without the model", () => {
    const screen = screenRules(txn({ amount: 25_000.01 }), DEFAULT_TENANT_SETTINGS);
    expect(screen).toEqual({
      hits: [{ rule_id: "large-amount", description: "Amount over 25,000", decision: "SUSPICIOUS" }],
      floor: "SUSPICIOUS",
      isDecided: true,
    });
  });
  it("does not fire at exactly 25,000", () => {
    expect(screenRules(txn({ amount: 25_000 }), DEFAULT_TENANT_SETTINGS).hits).toEqual([]);
  });
  it("blocks listed devices and countries (country field or a country code in geo)", () => {
    expect(screenRules(txn({ device: "emulator" }), DEFAULT_TENANT_SETTINGS).hits.map((h) => h.rule_id)).toEqual(["blocked-device"]);
    expect(screenRules(txn({ country: "KP" }), DEFAULT_TENANT_SETTINGS).hits.map((h) => h.rule_id)).toEqual(["blocked-country"]);
    expect(screenRules(txn({ geo: "IR" }), DEFAULT_TENANT_SETTINGS).floor).toBe("SUSPICIOUS");
    expect(screenRules(txn({ geo: "unknown" }), DEFAULT_TENANT_SETTINGS).hits).toEqual([]);
  });
});

describe("screenRules with tenant rules", () => {
  const settings: TenantSettings = {
    ...DEFAULT_TENANT_SETTINGS,
    rules: [
      {
        id: "velocity",
        description: "More than 5 in an hour",
        field: "txn_count_1h",
        operator: "gt",
        value: 5,
        decision: "REVIEW",
        enabled: true,
      },
      {
        id: "young-account",
        description: "Account under a day",
        field: "account_age_days",
        operator: "lt",
        value: 1,
        decision: "REVIEW",
        enabled: false,
      },
    ],
  };
  it("raises the floor to REVIEW without deciding", () => {
    expect(screenRules(txn({ txn_count_1h: 6 }), settings)).toMatchObject({ floor: "REVIEW", isDecided: false });
  });
  it("ignores disabled rules and absent fields", () => {
    expect(screenRules(txn({ account_age_days: 0 }), settings).hits).toEqual([]);
    expect(screenRules(txn({}), settings).hits).toEqual([]);
  });
});

describe("degradedDecision", () => {
  const clean = { hits: [], floor: "LEGIT" as const, isDecided: false };
  it("follows the fail mode when no rule fired", () => {
    expect(degradedDecision(clean, "review")).toBe("REVIEW");
    expect(degradedDecision(clean, "allow")).toBe("LEGIT");
  });
  it("never lets a rule's decision be weakened by fail-open", () => {
    expect(degradedDecision({ ...clean, floor: "SUSPICIOUS", isDecided: true }, "allow")).toBe("SUSPICIOUS");
    expect(degradedDecision({ ...clean, floor: "REVIEW" }, "allow")).toBe("REVIEW");
  });
});
