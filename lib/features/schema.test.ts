import { describe, expect, it } from "vitest";
import { LEGIT_DEMO, SUSPICIOUS_DEMO } from "./demo-transactions";
import { decodeCsvRow, encodeCsvRow, FEATURE_NAMES, FEATURES, featureByName, toCsvRow, toFeatureVector } from "./schema";
import { transactionSchema, type Transaction } from "./transaction";

function vectorOf(input: Record<string, unknown>): Record<string, number | null> {
  const vector = toFeatureVector(transactionSchema.parse({ txn_id: "t", amount: 100, ...input }));
  return Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, vector[i] ?? null]));
}

function describeValue(name: string, value: number | null): string {
  const feature = featureByName(name);
  if (!feature) throw new Error(`no feature ${name}`);
  return feature.describe(value);
}

describe("feature list", () => {
  it("has 12-20 unique snake_case names with labels", () => {
    expect(FEATURES.length).toBeGreaterThanOrEqual(12);
    expect(FEATURES.length).toBeLessThanOrEqual(20);
    expect(new Set(FEATURE_NAMES).size).toBe(FEATURE_NAMES.length);
    for (const feature of FEATURES) {
      expect(feature.name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(feature.label.length).toBeGreaterThan(0);
      expect(feature.type === "categorical-encoded").toBe(feature.categories !== undefined);
    }
  });
});

describe("toFeatureVector", () => {
  it("keeps every field the demo payload lacks missing (null), never zero", () => {
    const vector = vectorOf(LEGIT_DEMO);
    expect(vector).toMatchObject({ amount: 50, device_type: 2, is_rooted_device: 0 });
    const missing = FEATURE_NAMES.filter((name) => !["amount", "device_type", "is_rooted_device"].includes(name));
    for (const name of missing) expect(vector[name], name).toBeNull();
  });

  it("encodes the suspicious demo's rooted phone and unknown location", () => {
    expect(vectorOf(SUSPICIOUS_DEMO)).toMatchObject({ amount: 5000, device_type: 5, is_rooted_device: 1, geo: 2 });
  });

  it("derives the amount ratio only from a positive 30-day average", () => {
    expect(vectorOf({ amount: 700, customer_avg_amount_30d: 50 }).amount_to_avg_ratio).toBe(14);
    expect(vectorOf({ customer_avg_amount_30d: 0 }).amount_to_avg_ratio).toBeNull();
    expect(vectorOf({ customer_avg_amount_30d: null }).amount_to_avg_ratio).toBeNull();
  });

  it.each([
    [{ geo: "foreign" }, 1],
    [{ geo: "FR", home_country: "FR" }, 0],
    [{ geo: "NG", home_country: "FR" }, 1],
    [{ country: "US", home_country: "CA" }, 1],
    [{ country: "US" }, null],
    [{ geo: "NG" }, null],
  ])("geo %j -> %s", (input, expected) => {
    expect(vectorOf(input).geo).toBe(expected);
  });

  it("derives device novelty from first-seen or age, whichever is sent", () => {
    expect(vectorOf({ device_first_seen: true })).toMatchObject({ is_new_device: 1, device_age_days: 0 });
    expect(vectorOf({ device_age_days: 30 })).toMatchObject({ is_new_device: 0, device_age_days: 30 });
    expect(vectorOf({ device_first_seen: false })).toMatchObject({ is_new_device: 0, device_age_days: null });
  });

  it("maps MCCs and category names to the same code, unknown MCCs to other", () => {
    expect(vectorOf({ merchant_category: "5944" }).merchant_category).toBe(vectorOf({ merchant_category: "jewelry" }).merchant_category);
    expect(vectorOf({ merchant_category: "3501" }).merchant_category).toBe(4); // a hotel chain: travel
    expect(vectorOf({ merchant_category: "0742" }).merchant_category).toBe(10);
  });

  it("takes the local hour from hour_of_day, else from the timestamp as written", () => {
    expect(vectorOf({ timestamp: "2026-11-22T03:15:00+01:00" }).hour_of_day).toBe(3);
    expect(vectorOf({ hour_of_day: 14, timestamp: "2026-11-22T03:15:00Z" }).hour_of_day).toBe(14);
  });
});

describe("CSV encoding", () => {
  it("writes missing values as empty fields, in feature order", () => {
    expect(encodeCsvRow([5000, null, 1, null])).toBe("5000,,1,");
    const txn: Transaction = transactionSchema.parse(LEGIT_DEMO);
    const row = toCsvRow(txn);
    expect(row.split(",")).toHaveLength(FEATURE_NAMES.length);
    expect(row).toBe("50,,,,,,,2,0,,,,,");
  });

  it("round-trips through decodeCsvRow and rejects malformed rows", () => {
    const vector = toFeatureVector(transactionSchema.parse({ ...SUSPICIOUS_DEMO, customer_avg_amount_30d: 300 }));
    expect(decodeCsvRow(encodeCsvRow(vector))).toEqual(vector);
    expect(() => decodeCsvRow("1,2")).toThrow(/expected 14 fields/);
    expect(() => decodeCsvRow(`x${",".repeat(FEATURE_NAMES.length - 1)}`)).toThrow(/amount/);
  });
});

describe("describe", () => {
  it("speaks plainly about values and absences", () => {
    expect(describeValue("amount_to_avg_ratio", 14.2)).toBe("14× this customer's 30-day average");
    expect(describeValue("amount_to_avg_ratio", 2.35)).toBe("2.4× this customer's 30-day average");
    expect(describeValue("device_type", 5)).toBe("a rooted phone");
    expect(describeValue("geo", 2)).toBe("from an unknown location");
    expect(describeValue("txn_count_1h", 1)).toBe("1 transaction in the last hour");
    expect(describeValue("merchant_chargeback_rate", 0.042)).toBe("a merchant with 4.2% of sales charged back in 90 days");
    expect(describeValue("hour_of_day", 3)).toBe("at night (03:00)");
    expect(describeValue("amount", 5000)).toBe("an amount of 5,000.00");
    expect(describeValue("account_age_days", 400)).toBe("an account 13 months old");
    expect(describeValue("is_new_device", null)).toBe("not provided");
  });
});
