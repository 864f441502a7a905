import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FEATURES } from "@/lib/features/schema";
import { CaptureDecodeError, decodeCaptureLine, decodeInputRows, decodeOutputScores } from "./decode-capture";
import { captureObjectKey, encodeCaptureLine } from "./encode-capture";

// Lines the SageMaker emulator wrote for the demo endpoint (fraud-acme-bank) in a local run: a
// single CSV row, a batch of three, a Clarify-explained call, and a seeded batch of many rows.
const fixture = (name: string) =>
  readFileSync(new URL(`./test-fixtures/${name}.jsonl`, import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l !== "");
const [single, explained] = fixture("canary");
const [batch] = fixture("production");
const [seeded] = fixture("seed-batch");

/** The same line as SageMaker writes it for a content type CaptureContentTypeHeader does not list. */
function asBase64(line: string): string {
  const doc = JSON.parse(line) as { captureData: Record<string, { data: string; encoding: string }> };
  for (const payload of Object.values(doc.captureData)) {
    payload.data = Buffer.from(payload.data).toString("base64");
    payload.encoding = "BASE64";
  }
  return JSON.stringify(doc);
}

describe("decodeCaptureLine", () => {
  it("decodes a captured CSV row, its Clarify JSON output and the event metadata", () => {
    const record = decodeCaptureLine(single!, "canary");
    expect(record).toMatchObject({ variant: "canary", inferenceId: "drift-1", scores: [0.0003801146] });
    expect(record.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(record.inferenceTime).toISOString()).toMatch(/^2026-12-01T\d{2}:\d{2}:\d{2}\.000Z$/);
    expect(record.rows).toEqual([[59.63, 0.978566, 0, 2, 400, 120, 0, 2, 0, 0, 0, 0, 0.004, 14]]);
  });

  it("decodes every row of a batch, missing fields as null, one score per row", () => {
    const record = decodeCaptureLine(batch!, "production");
    expect(record.inferenceId).toBe("drift-batch");
    expect(record.rows).toHaveLength(3);
    expect(record.rows[1]).toEqual([5000, null, null, null, 3, 0, 1, 5, 1, 2, 1, 9, 0.2, 3]);
    expect(record.rows[2]![12]).toBeNull();
    expect(record.scores).toHaveLength(3);
    expect(record.scores[1]).toBeGreaterThan(0.9);
  });

  it("reads the scores of an explained call (kernel_shap beside the predictions)", () => {
    const record = decodeCaptureLine(explained!, "canary");
    expect(record.inferenceId).toBe("drift-explained");
    expect(record.scores).toEqual([0.6126885]);
  });

  it("decodes a seeded batch whose every row has the schema's width", () => {
    const record = decodeCaptureLine(seeded!, "canary");
    expect(record.rows.length).toBeGreaterThan(50);
    expect(record.rows.every((r) => r.length === FEATURES.length)).toBe(true);
    expect(record.scores).toHaveLength(record.rows.length);
  });

  it("decodes BASE64 payloads to the same record", () => {
    for (const line of [single!, batch!, explained!]) {
      expect(decodeCaptureLine(asBase64(line), "v")).toEqual({ ...decodeCaptureLine(line, "v") });
    }
  });

  it.each([
    ["not JSON", "{", "not JSON"],
    [
      "no inference time",
      JSON.stringify({ captureData: { endpointInput: { data: "1", encoding: "CSV" } }, eventMetadata: {} }),
      "inferenceTime",
    ],
    ["no input", JSON.stringify({ captureData: {}, eventMetadata: { inferenceTime: "2026-12-01T00:00:00Z" } }), "endpointInput"],
    [
      "a row of the wrong width",
      JSON.stringify({
        captureData: { endpointInput: { data: "1,2", encoding: "CSV" } },
        eventMetadata: { inferenceTime: "2026-12-01T00:00:00Z" },
      }),
      "expected 14 fields",
    ],
    [
      "fewer scores than rows",
      JSON.stringify({
        captureData: {
          endpointInput: { data: `${"1,".repeat(13)}1\n${"2,".repeat(13)}2`, encoding: "CSV" },
          endpointOutput: { data: "0.5", encoding: "CSV", observedContentType: "text/csv" },
        },
        eventMetadata: { inferenceTime: "2026-12-01T00:00:00Z" },
      }),
      "2 input rows but 1 scores",
    ],
    [
      "an unknown encoding",
      JSON.stringify({
        captureData: { endpointInput: { data: "1", encoding: "GZIP" } },
        eventMetadata: { inferenceTime: "2026-12-01T00:00:00Z" },
      }),
      "unknown capture encoding",
    ],
  ])("rejects %s with a CaptureDecodeError", (_label, line, message) => {
    expect(() => decodeCaptureLine(line, "v")).toThrow(CaptureDecodeError);
    expect(() => decodeCaptureLine(line, "v")).toThrow(message);
  });
});

describe("JSON payloads", () => {
  const row = FEATURES.map((_, i) => i);
  const named = Object.fromEntries(FEATURES.map((f, i) => [f.name, i === 1 ? null : i]));

  it.each([
    ["a row", row, [row]],
    ["rows", [row, row], [row, row]],
    ["instances of rows", { instances: [row] }, [row]],
    ["instances of features", { instances: [{ features: row }] }, [row]],
    ["an object by feature name", named, [row.map((v, i) => (i === 1 ? null : v))]],
  ])("reads %s", (_label, doc, expected) => {
    expect(decodeInputRows({ observedContentType: "application/json", data: JSON.stringify(doc), encoding: "JSON" })).toEqual(expected);
  });

  it("reads a BASE64 JSON input by its observed content type", () => {
    const data = Buffer.from(JSON.stringify({ instances: [row] })).toString("base64");
    expect(decodeInputRows({ observedContentType: "application/json", data, encoding: "BASE64" })).toEqual([row]);
  });

  it.each([
    ["CSV", { observedContentType: "text/csv", data: "0.25,x\n0.75", encoding: "CSV" }, [0.25, 0.75]],
    [
      "JSON predictions",
      { observedContentType: "application/json", data: '{"predictions":[{"score":0.1},0.2]}', encoding: "JSON" },
      [0.1, 0.2],
    ],
    ["a JSON array", { observedContentType: "application/json", data: "[0.3]", encoding: "JSON" }, [0.3]],
  ])("reads output scores from %s", (_label, payload, expected) => {
    expect(decodeOutputScores(payload)).toEqual(expected);
  });
});

describe("encodeCaptureLine", () => {
  it("writes what decodeCaptureLine reads, in the emulator's shape", () => {
    const rows = [FEATURES.map((_, i) => (i === 2 ? null : i + 0.5))];
    const line = encodeCaptureLine({ rows, scores: [0.25], time: new Date("2026-06-01T10:00:00.123Z"), inferenceId: "t-1" });
    expect(decodeCaptureLine(line, "production")).toMatchObject({
      rows,
      scores: [0.25],
      inferenceId: "t-1",
      inferenceTime: Date.parse("2026-06-01T10:00:00Z"),
    });
    const real = JSON.parse(single!) as { captureData: { endpointInput: object } };
    expect(Object.keys((JSON.parse(line) as typeof real).captureData.endpointInput)).toEqual(Object.keys(real.captureData.endpointInput));
    expect(captureObjectKey({ bucket: "b", prefix: "dc" }, "ep", "canary", new Date("2026-06-01T10:02:03.004Z"), "id")).toBe(
      "dc/ep/canary/2026/06/01/10/02-03-004-id.jsonl",
    );
  });
});
