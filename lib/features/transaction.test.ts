import { describe, expect, it } from "vitest";
import { LEGIT_DEMO, SUSPICIOUS_DEMO } from "./demo-transactions";
import { parseTransaction } from "./transaction";

describe("parseTransaction", () => {
  it("accepts the canonical demo payloads", () => {
    expect(parseTransaction(LEGIT_DEMO)).toEqual({ success: true, data: LEGIT_DEMO });
    expect(parseTransaction(SUSPICIOUS_DEMO).success).toBe(true);
  });

  it("accepts null as not sent and drops unknown keys", () => {
    const result = parseTransaction({ txn_id: "a", amount: 0, geo: null, device: undefined, colour: "red" });
    expect(result).toEqual({ success: true, data: { txn_id: "a", amount: 0, geo: null } });
  });

  it("accepts full context", () => {
    const result = parseTransaction({
      txn_id: "x-1",
      amount: 12.5,
      currency: "EUR",
      device: "emulator",
      country: "DE",
      home_country: "FR",
      channel: "ecommerce",
      merchant_category: "5816",
      merchant_id: "m",
      merchant_chargeback_rate_90d: 0.01,
      customer_id: "c",
      card_id: "k",
      customer_avg_amount_30d: 40,
      txn_count_1h: 3,
      txn_count_24h: 9,
      account_age_days: 800,
      device_first_seen: true,
      device_age_days: 0,
      hour_of_day: 23,
      timestamp: "2026-11-22T23:05:00+01:00",
    });
    expect(result.success).toBe(true);
  });

  it.each([
    [{ amount: 50 }, "txn_id"],
    [{ txn_id: "", amount: 50 }, "txn_id"],
    [{ txn_id: "x".repeat(129), amount: 50 }, "txn_id"],
    [{ txn_id: "1" }, "amount"],
    [{ txn_id: "1", amount: "50" }, "amount"],
    [{ txn_id: "1", amount: -1 }, "amount"],
    [{ txn_id: "1", amount: Number.POSITIVE_INFINITY }, "amount"],
    [{ txn_id: "1", amount: Number.NaN }, "amount"],
    [{ txn_id: "1", amount: 5, currency: "XYZ" }, "currency"],
    [{ txn_id: "1", amount: 5, currency: "usd" }, "currency"],
    [{ txn_id: "1", amount: 5, device: "toaster" }, "device"],
    [{ txn_id: "1", amount: 5, geo: "mars" }, "geo"],
    [{ txn_id: "1", amount: 5, home_country: "France" }, "home_country"],
    [{ txn_id: "1", amount: 5, channel: "telepathy" }, "channel"],
    [{ txn_id: "1", amount: 5, merchant_category: "54" }, "merchant_category"],
    [{ txn_id: "1", amount: 5, merchant_chargeback_rate_90d: 2 }, "merchant_chargeback_rate_90d"],
    [{ txn_id: "1", amount: 5, txn_count_1h: 1.5 }, "txn_count_1h"],
    [{ txn_id: "1", amount: 5, hour_of_day: 24 }, "hour_of_day"],
    [{ txn_id: "1", amount: 5, device_first_seen: "yes" }, "device_first_seen"],
    [{ txn_id: "1", amount: 5, timestamp: "yesterday" }, "timestamp"],
  ])("rejects %j naming %s", (input, field) => {
    const result = parseTransaction(input);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues.map((i) => i.field)).toEqual([field]);
  });

  it("names the body when it is not an object", () => {
    const result = parseTransaction("hello");
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues[0]?.field).toBe("");
  });
});
