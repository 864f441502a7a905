import { readFileSync } from "node:fs";
import type { S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import type { CaptureLineView } from "@/lib/capture/capture-line-decoder";
import { encodeCaptureLine } from "@/lib/capture/encode-capture";
import type { CaptureObject } from "@/lib/capture/list-capture-objects";
import { FEATURES, type FeatureValue } from "@/lib/features/schema";
import { DriftAccumulator } from "./accumulator";
import { baselineSchema } from "./baseline";
import { addRow, binningPlan, emptyPartial } from "./partial";
import { capturePartial } from "./run-drift-job";

const baseline = baselineSchema.parse(
  JSON.parse(readFileSync(new URL("../../infra/model/artifacts/acme-bank-fraud/v2/baseline.json", import.meta.url), "utf8")),
);
const plan = binningPlan("2", baseline);

/** Rows over every feature's range, with missing values, -0, codes out of the vocabulary and fractional codes. */
function rows(n: number): FeatureValue[][] {
  return Array.from({ length: n }, (_, i) =>
    FEATURES.map((f, j) => {
      if ((i + j) % 11 === 0) return null;
      if (f.type === "numeric") return i % 13 === 0 ? -0 : ((i * 7919 + j * 104729) % 5000) / (j + 1) - 3;
      return i % 17 === 0 ? (i % 2 ? 99 : 1.5) : (i + j) % (f.categories?.length ?? 2);
    }),
  );
}

function view(batch: FeatureValue[][], scores: number[] | null, variant = "production"): CaptureLineView {
  return {
    variant,
    inferenceTime: 0,
    rows: batch.length,
    values: Float64Array.from(batch.flat().map((v) => v ?? NaN)),
    hasScores: scores !== null,
    scores: Float64Array.from(scores ?? []),
    explained: false,
  };
}

describe("DriftAccumulator", () => {
  it("gives the same partial as addRow on each row, value for value", () => {
    const all = rows(3000);
    const byAddRow = emptyPartial();
    const counts = new DriftAccumulator();
    for (let at = 0, size = 1; at < all.length; at += size, size = (size % 5) + 1) {
      const batch = all.slice(at, at + size);
      const scores = at % 3 === 0 ? null : batch.map((_, k) => ((at + k) % 100) / 100);
      const variant = at % 4 === 0 ? "canary" : "production";
      batch.forEach((row, k) => addRow(byAddRow, plan, variant, row, scores?.[k]));
      counts.addLine(plan, view(batch, scores, variant));
    }
    counts.addLine(plan, view([], [], "shadow"));
    expect(counts.toPartial()).toStrictEqual(byAddRow);
  });
});

describe("capturePartial", () => {
  it("counts a transaction once: its explanation call is left out (and counted apart)", async () => {
    const fixture = readFileSync(new URL("../capture/test-fixtures/canary.jsonl", import.meta.url), "utf8").split("\n");
    const explanation = fixture[1]!;
    const decision = encodeCaptureLine({ rows: rows(1), scores: [0.61], time: new Date(Date.parse("2026-12-01T12:01:25Z")) });
    const object: CaptureObject = { bucket: "b", key: "k", variant: "canary", hour: new Date("2026-12-01T12:00:00Z"), size: 0 };
    const s3 = { send: () => Promise.resolve({ Body: [Buffer.from(`${decision}\n${explanation}\n`)] }) } as unknown as Pick<
      S3Client,
      "send"
    >;
    const partial = await capturePartial(
      object,
      {
        from: new Date("2026-12-01T12:00:00Z"),
        to: new Date("2026-12-01T13:00:00Z"),
        versionOf: () => "2",
        planOf: () => Promise.resolve(plan),
      },
      { s3 },
    );
    expect(partial).toMatchObject({ records: 1, explained: 1, invalid: 0, unattributed: 0 });
    expect(partial.versions["2"]!.scores.canary!.count).toBe(1);
  });
});
