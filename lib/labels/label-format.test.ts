import { describe, expect, it } from "vitest";
import { TRAINING_CSV_HEADER } from "@/infra/model/simulator/csv";
import { FEATURE_NAMES } from "@/lib/features/schema";
import { LABEL_CSV_HEADER, toLabelCsvRow, toLabelJsonLine, type LabeledItem } from "./label-format";

const item: LabeledItem = {
  txnId: "t-1",
  status: "confirmed_fraud",
  features: { amount: 5000, geo: 2, account_age_days: null },
  verdict: { verdict: "fraud", note: null, by: "a@x.test", byName: "A", at: "2026-01-02T00:00:00.000Z" },
  model: { version: "2" },
  createdAt: "2026-01-01T00:00:00.000Z",
};

describe("label export format", () => {
  it("uses the training script's header, column for column", () => {
    expect(LABEL_CSV_HEADER).toBe(TRAINING_CSV_HEADER);
  });
  it("writes the label first, then features in schema order, missing as empty", () => {
    const fields = toLabelCsvRow(item).split(",");
    expect(fields).toHaveLength(FEATURE_NAMES.length + 1);
    expect(fields[0]).toBe("1");
    expect(fields[1 + FEATURE_NAMES.indexOf("amount")]).toBe("5000");
    expect(fields[1 + FEATURE_NAMES.indexOf("geo")]).toBe("2");
    expect(fields[1 + FEATURE_NAMES.indexOf("account_age_days")]).toBe("");
    expect(toLabelCsvRow({ ...item, status: "false_positive" }).startsWith("0,")).toBe(true);
  });
  it("writes JSON lines with the same columns first, then provenance", () => {
    const line = JSON.parse(toLabelJsonLine(item)) as Record<string, unknown>;
    expect(
      Object.keys(line)
        .slice(0, FEATURE_NAMES.length + 1)
        .join(","),
    ).toBe(TRAINING_CSV_HEADER);
    expect(line).toMatchObject({ is_fraud: 1, amount: 5000, txn_id: "t-1", verdict: "fraud", model_version: "2" });
  });
});
