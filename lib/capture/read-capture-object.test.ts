import { ListObjectsV2Command, type S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { decodeCaptureLine, type CapturedRecord } from "./decode-capture";
import { listCaptureObjects, type CaptureObject } from "./list-capture-objects";
import { readCaptureObject, streamLines } from "./read-capture-object";

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

function chunksOf(...parts: Array<string | Uint8Array>): AsyncIterable<Uint8Array> {
  const chunks = parts.map((part) => (typeof part === "string" ? new TextEncoder().encode(part) : part));
  return (async function* () {
    for (const chunk of chunks) yield await Promise.resolve(chunk);
  })();
}

describe("streamLines", () => {
  it("splits lines across chunk boundaries, multi-byte characters included, and skips blank lines", async () => {
    const bytes = new TextEncoder().encode("é");
    const lines = await collect(streamLines(chunksOf("a\nb", "c\n\n", bytes.subarray(0, 1), bytes.subarray(1), "\nlast")));
    expect(lines).toEqual(["a", "bc", "é", "last"]);
  });
});

const line = (time: string, id: string) =>
  JSON.stringify({
    captureData: { endpointInput: { observedContentType: "text/csv", mode: "INPUT", data: `${"1,".repeat(13)}1`, encoding: "CSV" } },
    eventMetadata: { eventId: id, inferenceId: id, inferenceTime: time },
    eventVersion: "0",
  });

describe("listCaptureObjects and readCaptureObject", () => {
  it("lists only the window's folders of every variant and reads the records inside the window", async () => {
    const listed: string[] = [];
    const keys = [
      "dc/ep/production/2026/12/01/10/00-00-000-a.jsonl",
      "dc/ep/production/2026/12/01/11/00-00-000-b.jsonl",
      "dc/ep/canary/2026/12/01/10/00-00-000-c.jsonl",
    ];
    const body = [
      line("2026-12-01T09:59:59Z", "before"),
      "not json",
      line("2026-12-01T10:30:00Z", "inside"),
      line("2026-12-01T11:00:00Z", "after"),
    ].join("\n");
    const s3 = {
      send: (command: unknown) => {
        if (command instanceof ListObjectsV2Command) {
          const { Prefix, Delimiter } = command.input;
          listed.push(`${Prefix}${Delimiter ? " /" : ""}`);
          if (Delimiter) return Promise.resolve({ CommonPrefixes: [{ Prefix: "dc/ep/canary/" }, { Prefix: "dc/ep/production/" }] });
          return Promise.resolve({ Contents: keys.filter((k) => k.startsWith(Prefix!)).map((Key) => ({ Key, Size: 10 })) });
        }
        return Promise.resolve({ Body: chunksOf(body) });
      },
    } as unknown as Pick<S3Client, "send">;
    const from = new Date("2026-12-01T10:00:00Z");
    const to = new Date("2026-12-01T11:00:00Z");
    const objects = await listCaptureObjects({ destination: { bucket: "b", prefix: "dc" }, endpointName: "ep", from, to }, { s3 });
    expect(listed.sort()).toEqual(["dc/ep/ /", "dc/ep/canary/2026/12/01/10/", "dc/ep/production/2026/12/01/10/"]);
    expect(objects.map((o) => [o.variant, o.key])).toEqual([
      ["canary", keys[2]],
      ["production", keys[0]],
    ]);
    const invalid: string[] = [];
    const records = await collect(readCaptureObject(objects[0]!, { from, to, onInvalid: (e) => invalid.push(e.message) }, { s3 }));
    expect(records.map((r) => [r.variant, r.inferenceId])).toEqual([["canary", "inside"]]);
    expect(invalid).toEqual(["capture line is not JSON"]);
  });
});

describe("readCaptureObject on bytes", () => {
  const fixture = readFileSync(new URL("./test-fixtures/canary.jsonl", import.meta.url), "utf8");
  const csv = line("2026-12-01T10:30:00Z", "csv");
  // Lines, blank lines, an invalid line, a BOM at the start (dropped) and one mid-stream (kept), no final newline.
  const text = `\ufeff${csv}\n\n${fixture}  \nnull\n\ufeff${csv}\r\n${csv}\n${csv.slice(0, 40)}é\n${csv}`;
  const bytes = new TextEncoder().encode(text);
  const object: CaptureObject = { bucket: "b", key: "k", variant: "canary", hour: new Date(0), size: bytes.length };
  const s3For = (chunks: Uint8Array[]) =>
    ({ send: () => Promise.resolve({ Body: chunksOf(...chunks) }) }) as unknown as Pick<S3Client, "send">;

  async function reference() {
    const records: CapturedRecord[] = [];
    const invalid: string[] = [];
    for await (const l of streamLines(chunksOf(bytes))) {
      try {
        records.push(decodeCaptureLine(l, "canary"));
      } catch (error) {
        invalid.push((error as Error).message);
      }
    }
    return { records, invalid };
  }

  it.each([1, 2, 3, 7, 64, 100_000])("reads the same records and invalid lines as the text path, in chunks of %i bytes", async (size) => {
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
    const invalid: string[] = [];
    const records = await collect(readCaptureObject(object, { onInvalid: (e) => invalid.push(e.message) }, { s3: s3For(chunks) }));
    const expected = await reference();
    expect(expected.records.length).toBe(5);
    expect(expected.invalid).toHaveLength(4);
    expect(records).toStrictEqual(expected.records);
    expect(invalid).toEqual(expected.invalid);
  });
});
