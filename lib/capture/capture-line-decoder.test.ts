import { readFileSync } from "node:fs";
import { mulberry32 } from "@/lib/random/mulberry32";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { FEATURES } from "@/lib/features/schema";
import { CaptureLineDecoder } from "./capture-line-decoder";
import { plainDecimal } from "./decimal-bytes";
import { decodeCaptureLine, type CapturedRecord } from "./decode-capture";
import { encodeCaptureLine } from "./encode-capture";

// The byte decoder must read every line it accepts exactly as decodeCaptureLine does, and decline
// (never accept) a line decodeCaptureLine rejects. Checked on real lines and on deterministic
// mutations of them.
const fixture = (name: string) =>
  readFileSync(new URL(`./test-fixtures/${name}.jsonl`, import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l !== "");
const real = [...fixture("canary"), ...fixture("production"), ...fixture("seed-batch")];
const row = FEATURES.map((_, i) => (i === 3 ? null : i * 1.25));
const csvLine = encodeCaptureLine({ rows: [row], scores: [0.001079092], time: new Date("2026-11-01T00:00:07Z"), eventId: "e-1" });

type Outcome = { accepted: true; record: CapturedRecord } | { accepted: false };

const decoder = new CaptureLineDecoder("production");
function fast(line: string): Outcome {
  const buf = Buffer.from(`xx${line}yy`, "utf8");
  return decoder.decode(buf, 2, buf.length - 2) ? { accepted: true, record: decoder.toRecord() } : { accepted: false };
}
function slow(line: string): CapturedRecord | Error {
  try {
    return decodeCaptureLine(line, "production");
  } catch (error) {
    return error as Error;
  }
}

/** Every disagreement between the two decoders over `lines`, and how many lines the byte decoder took. */
function compare(lines: readonly string[]) {
  const disagreements: string[] = [];
  let accepted = 0;
  for (const line of lines) {
    const f = fast(line);
    if (!f.accepted) continue;
    accepted++;
    const s = slow(line);
    if (!isDeepStrictEqual(f.record, s)) disagreements.push(line);
  }
  return { disagreements, accepted };
}

const ALPHABET = ['"', "{", "}", ",", ":", "\\", " ", "\t", "0", "9", ".", "-", "e", "+", "n", "u", "é", "\u0001", "\ufeff", "CSV", "\\n"];

function mutants(line: string, count: number, next: () => number): string[] {
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const at = Math.floor(next() * line.length);
    const piece = ALPHABET[Math.floor(next() * ALPHABET.length)]!;
    switch (k % 4) {
      case 0:
        out.push(line.slice(0, at) + line.slice(at + 1));
        break;
      case 1:
        out.push(line.slice(0, at) + piece + line.slice(at));
        break;
      case 2:
        out.push(line.slice(0, at) + piece + line.slice(at + 1));
        break;
      default:
        out.push(line.slice(0, at));
    }
  }
  return out;
}

describe("CaptureLineDecoder", () => {
  it("reads SageMaker's lines exactly as decodeCaptureLine: CSV, batches, Clarify JSON, explained calls", () => {
    const { disagreements, accepted } = compare([csvLine, ...real]);
    expect(disagreements).toEqual([]);
    expect(accepted).toBe(real.length + 1);
  });

  it("reads payloads in other encodings through decode-capture's own functions", () => {
    const doc = JSON.parse(real[0]!) as { captureData: Record<string, { data: string; encoding: string }> };
    for (const p of Object.values(doc.captureData)) {
      p.data = Buffer.from(p.data).toString("base64");
      p.encoding = "BASE64";
    }
    const base64 = JSON.stringify(doc);
    const json = JSON.stringify({
      captureData: {
        endpointInput: { observedContentType: "application/json", data: JSON.stringify({ instances: [row] }), encoding: "JSON" },
      },
      eventMetadata: { inferenceTime: "2026-11-01T00:00:00Z", eventId: 'é\u2028"q"' },
    });
    const reordered = JSON.stringify({
      eventVersion: "0",
      eventMetadata: { inferenceTime: "2026-11-01T00:00:01.5Z" },
      captureData: { endpointInput: { data: "1,".repeat(13) + "1", encoding: "CSV", extra: { nested: {} } } },
    });
    const spaced = csvLine.replace(/":/g, '" :\t').replace(/,"/g, ' ,\r "');
    const { disagreements, accepted } = compare([base64, json, reordered, ` ${spaced} `]);
    expect(disagreements).toEqual([]);
    expect(accepted).toBe(4);
  });

  it("reads CSV numbers as Number() does, and leaves the unusual ones to the text path", () => {
    const cases = [
      "0",
      "-0",
      "007",
      ".5",
      "5.",
      "-.25",
      "59.63",
      "0.4813148788927336",
      "123456789012345678901234",
      "1e3",
      "+1",
      " 1",
      "0x10",
      "1.2.3",
      "-",
      ".",
      "",
      "Infinity",
      "1".repeat(400),
    ];
    for (const text of cases) {
      const buf = Buffer.from(text, "latin1");
      const value = plainDecimal(buf, 0, buf.length);
      if (!Number.isNaN(value)) expect(Object.is(value, Number(text)), text).toBe(true);
    }
    expect(plainDecimal(Buffer.from("1e3"), 0, 3)).toBeNaN();
    const lines = cases.map((text) =>
      encodeCaptureLine({ rows: [row], scores: [0.5], time: new Date("2026-11-01T00:00:00Z") }).replace('"data":"0', `"data":"${text}`),
    );
    expect(compare(lines).disagreements).toEqual([]);
  });

  it("declines every line decodeCaptureLine rejects, and agrees on the rest (mutated lines)", () => {
    const next = mulberry32(20261201);
    const lines = [csvLine, ...real.slice(0, 3)].flatMap((line) => mutants(line, 400, next));
    const rejected = lines.filter((line) => slow(line) instanceof Error);
    expect(rejected.filter((line) => fast(line).accepted)).toEqual([]);
    const { disagreements, accepted } = compare(lines);
    expect(disagreements).toEqual([]);
    // The mutations hit both paths: many lines stay valid, many do not.
    expect(accepted).toBeGreaterThan(lines.length / 4);
    expect(rejected.length).toBeGreaterThan(lines.length / 4);
  });

  it("finds where each string ends at every offset of the four-byte scan: escapes, UTF-8, control bytes, quotes", () => {
    const lines: string[] = [];
    for (let at = 0; at < 9; at++) {
      for (const piece of ['\\"', "\\\\", "\\n", "\\u0041", "é", "\u2028", "\u0001", "\u007f", '"', " "]) {
        lines.push(csvLine.replace('"eventId":"e-1', `"eventId":"e-1${"x".repeat(at)}${piece}`));
        lines.push(csvLine.replace('"data":"0', `"data":"0${"1".repeat(at)}${piece}`));
        lines.push(csvLine.replace('"inferenceTime":"', `"inferenceTime":"${" ".repeat(at)}${piece}`));
      }
    }
    const rejected = lines.filter((line) => slow(line) instanceof Error);
    expect(rejected.filter((line) => fast(line).accepted)).toEqual([]);
    expect(compare(lines).disagreements).toEqual([]);
    expect(rejected.length).toBeGreaterThan(0);
  });

  it("reads each inference time as Date.parse does, line after line: the next seconds, minutes, invalid seconds, hour 24", () => {
    const times = [
      "2026-11-01T00:00:07Z",
      "2026-11-01T00:00:08Z",
      "2026-11-01T00:00:59Z",
      "2026-11-01T00:00:00Z",
      "2026-11-01T00:00:60Z",
      "2026-11-01T00:00:09Z",
      "2026-11-01T00:00:6aZ",
      "2026-11-01T00:00:10Z",
      "2026-11-01T00:00:1 Z",
      "2026-11-01T00:00:11z",
      "2026-11-01T00:01:11Z",
      "2026-11-01T24:00:00Z",
      "2026-11-01T24:00:05Z",
      "2026-02-30T00:00:01Z",
      "2026-02-30T00:00:02Z",
      "2026-11-01T00:00:12.5Z",
      "2026-11-01T00:00:13.5Z",
    ];
    const lines = times.map((t) => csvLine.replace("2026-11-01T00:00:07Z", t));
    const { disagreements, accepted } = compare(lines);
    expect(disagreements).toEqual([]);
    expect(accepted).toBeGreaterThan(10);
  });

  it.each([
    ["null", "null"],
    ["a duplicated key", csvLine.replace('"encoding":"CSV"', '"encoding":"CSV","encoding":"JSON"')],
    ["an array", csvLine.replace('"eventVersion":"0"', '"eventVersion":[0]')],
    ["an escaped key", csvLine.replace('"data"', '"d\\u0061ta"')],
    ["a trailing comma", csvLine.replace("}}", ",}}")],
  ])("declines %s (decodeCaptureLine decides)", (_label, line) => {
    expect(fast(line).accepted).toBe(false);
  });
});
