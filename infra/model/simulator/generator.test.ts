import { describe, expect, it } from "vitest";
import { transactionSchema } from "@/lib/features/transaction";
import { TRAINING_CSV_HEADER, toTrainingCsvLine } from "./csv";
import { createTransactionGenerator, simulateTransactions, type BatchOptions } from "./generator";
import { TENANT_IDS } from "./tenants";

const START = new Date("2026-05-01T00:00:00Z");

function batch(options: Partial<BatchOptions> & Pick<BatchOptions, "tenant">) {
  return [...simulateTransactions({ seed: 11, start: START, days: 30, count: 2_000, ...options })];
}

describe("simulateTransactions", () => {
  it("is deterministic: the same seed gives the same transactions and labels", () => {
    expect(batch({ tenant: "acme-bank" })).toEqual(batch({ tenant: "acme-bank" }));
    expect(batch({ tenant: "acme-bank", seed: 12 })).not.toEqual(batch({ tenant: "acme-bank" }));
  });

  it.each(TENANT_IDS)("%s: fraud rate within 1-2 percent, every pattern present", (tenant) => {
    const rows = batch({ tenant, count: 60_000, days: 60 });
    const frauds = rows.filter((r) => r.isFraud);
    const rate = frauds.length / rows.length;
    expect(rate).toBeGreaterThanOrEqual(0.01);
    expect(rate).toBeLessThanOrEqual(0.02);
    expect(new Set(frauds.map((r) => r.pattern))).toEqual(
      new Set(["card_testing", "account_takeover", "bust_out", "compromised_merchant"]),
    );
    expect(rows.filter((r) => !r.isFraud).every((r) => r.pattern === null)).toBe(true);
  });

  it("emits transactions the scoring API accepts", () => {
    for (const tenant of TENANT_IDS) {
      for (const { transaction } of batch({ tenant })) expect(transactionSchema.safeParse(transaction).success).toBe(true);
    }
  });

  it("gives the two tenants different businesses: card present vs online", () => {
    const onlineShare = (tenant: (typeof TENANT_IDS)[number]) => {
      const rows = batch({ tenant }).filter((r) => r.transaction.channel);
      return rows.filter((r) => r.transaction.channel === "ecommerce").length / rows.length;
    };
    expect(onlineShare("acme-bank")).toBeLessThan(0.4);
    expect(onlineShare("globex-pay")).toBeGreaterThan(0.85);
  });

  it("drifts: amounts grow with the amount knob", () => {
    const meanAmount = (rows: ReturnType<typeof batch>) =>
      rows.filter((r) => !r.isFraud).reduce((sum, r) => sum + r.transaction.amount, 0) / rows.length;
    const drift = { amountGrowthPerMonth: 0.5 };
    const early = batch({ tenant: "acme-bank", start: START, drift, driftStart: START });
    const late = batch({ tenant: "acme-bank", start: new Date("2026-09-01T00:00:00Z"), drift, driftStart: START });
    expect(meanAmount(late)).toBeGreaterThan(meanAmount(early) * 2);
  });

  it("honours pattern weight overrides", () => {
    const rows = batch({ tenant: "globex-pay", count: 20_000, patternWeights: { account_takeover: 0 } });
    expect(rows.some((r) => r.pattern === "account_takeover")).toBe(false);
    expect(rows.some((r) => r.isFraud)).toBe(true);
  });
});

describe("createTransactionGenerator", () => {
  it("stamps live transactions with the time asked for and unique ids", () => {
    const generator = createTransactionGenerator({ tenant: "globex-pay", seed: 3, idPrefix: "live-42" });
    const at = new Date("2026-11-22T19:22:10.000Z");
    const sims = Array.from({ length: 200 }, () => generator.next(at));
    expect(new Set(sims.map((s) => s.transaction.txn_id)).size).toBe(200);
    expect(sims[0]?.transaction.txn_id).toBe("live-42-0");
    expect(sims.filter((s) => s.transaction.timestamp).every((s) => s.transaction.timestamp === at.toISOString())).toBe(true);
  });
});

describe("training CSV", () => {
  it("writes the label then the schema's features, empty where missing", () => {
    expect(TRAINING_CSV_HEADER.split(",").slice(0, 3)).toEqual(["is_fraud", "amount", "amount_to_avg_ratio"]);
    const line = toTrainingCsvLine({ transaction: { txn_id: "1", amount: 50, device: "mobile" }, isFraud: true, pattern: "bust_out" });
    expect(line).toBe("1,50,,,,,,,2,0,,,,,");
  });
});
