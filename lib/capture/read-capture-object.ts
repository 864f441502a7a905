import { GetObjectCommand } from "@aws-sdk/client-s3";
import { s3Client } from "@/lib/aws/clients";
import { CaptureLineDecoder, type CaptureLineView } from "./capture-line-decoder";
import { CaptureDecodeError, decodeCaptureLine, type CapturedRecord } from "./decode-capture";
import type { CaptureDeps, CaptureObject } from "./list-capture-objects";

/** The lines of a text stream as they arrive: never more than one chunk and one partial line held. */
export async function* streamLines(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let rest = "";
  for await (const chunk of chunks) {
    const text = rest + (typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
    let start = 0;
    for (let end = text.indexOf("\n"); end >= 0; end = text.indexOf("\n", start)) {
      if (end > start) yield text.slice(start, end);
      start = end + 1;
    }
    rest = text.slice(start);
  }
  rest += decoder.decode();
  if (rest.trim() !== "") yield rest;
}

export interface ReadCaptureOptions {
  /** Records outside [from, to) (by inferenceTime) are skipped: an hour folder may straddle the window's ends. */
  from?: Date;
  to?: Date;
  /** Called for a line that cannot be decoded; the line is skipped, the read goes on. */
  onInvalid?: (error: CaptureDecodeError, object: CaptureObject) => void;
}

/** Called with each record inside the window; the view is valid during the call (a returned promise is awaited). */
export type OnCaptureLine = (line: CaptureLineView & { toRecord(): CapturedRecord }) => void | Promise<void>;

const NEWLINE = 0x0a;
// Lines are decoded as text only when the byte decoder declines them; a BOM mid-stream stays a character.
const lineText = new TextDecoder("utf-8", { ignoreBOM: true });

function toBuffer(chunk: Uint8Array | string): Buffer {
  if (typeof chunk === "string") return Buffer.from(chunk, "utf8");
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

const isBomStart = (b: Buffer) => b.length > 0 && b[0] === 0xef && (b.length < 2 || b[1] === 0xbb) && (b.length < 3 || b[2] === 0xbf);

/** The stream without a leading UTF-8 byte order mark (TextDecoder drops it at the start of a stream too). */
async function* withoutBom(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<Buffer> {
  let head: Buffer | null = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const buf = toBuffer(chunk);
    if (head === null) {
      yield buf;
      continue;
    }
    if (buf.length === 0) continue;
    head = head.length === 0 ? buf : Buffer.concat([head, buf]);
    if (head.length < 3 && isBomStart(head)) continue;
    const first: Buffer = isBomStart(head) ? head.subarray(3) : head;
    head = null;
    yield first;
  }
  // Fewer than three bytes that began like a mark: not one (TextDecoder reads them as U+FFFD).
  if (head !== null && head.length > 0) yield head;
}

/**
 * The scan itself, on a stream already open (the object's body); it yields after each chunk's
 * lines, so a reader can hand on what one chunk decoded before the next chunk is read.
 */
export async function* scanCaptureChunks(
  chunks: AsyncIterable<Uint8Array | string>,
  object: CaptureObject,
  options: ReadCaptureOptions,
  onLine: OnCaptureLine,
): AsyncGenerator<void> {
  const from = options.from?.getTime() ?? -Infinity;
  const to = options.to?.getTime() ?? Infinity;
  const decoder = new CaptureLineDecoder(object.variant);
  const line = (buf: Buffer, start: number, end: number, last = false): void | Promise<void> => {
    if (!decoder.decode(buf, start, end)) {
      const text = lineText.decode(buf.subarray(start, end));
      if (last && text.trim() === "") return;
      try {
        decoder.load(decodeCaptureLine(text, object.variant));
      } catch (error) {
        if (!(error instanceof CaptureDecodeError)) throw error;
        options.onInvalid?.(error, object);
        return;
      }
    }
    if (decoder.inferenceTime >= from && decoder.inferenceTime < to) return onLine(decoder);
  };
  let carry = Buffer.alloc(0);
  let carried = 0;
  const keep = (chunk: Buffer, start: number) => {
    const size = carried + chunk.length - start;
    if (size > carry.length) {
      const bigger = Buffer.allocUnsafe(Math.max(size, carry.length * 2, 64 * 1024));
      carry.copy(bigger, 0, 0, carried);
      carry = bigger;
    }
    carried += chunk.copy(carry, carried, start);
  };
  for await (const chunk of withoutBom(chunks)) {
    let start = 0;
    if (carried > 0) {
      const end = chunk.indexOf(NEWLINE);
      if (end < 0) {
        keep(chunk, 0);
        continue;
      }
      keep(chunk.subarray(0, end), 0);
      const pending = line(carry, 0, carried);
      if (pending) await pending;
      carried = 0;
      start = end + 1;
    }
    for (let end = chunk.indexOf(NEWLINE, start); end >= 0; end = chunk.indexOf(NEWLINE, start)) {
      if (end > start) {
        const pending = line(chunk, start, end);
        if (pending) await pending;
      }
      start = end + 1;
    }
    if (start < chunk.length) keep(chunk, start);
    yield;
  }
  if (carried > 0) {
    const pending = line(carry, 0, carried, true);
    if (pending) await pending;
  }
}

/**
 * Streams one capture object's lines from S3 through the byte decoder (capture-line-decoder.ts):
 * lines are found in the chunks as they arrive (one chunk and one partial line held) and decoded
 * in place; a line the byte decoder declines is decoded by decodeCaptureLine, a line that cannot
 * be decoded goes to `onInvalid`. The same lines and records as streamLines + decodeCaptureLine,
 * without a string or an object per line.
 */
export async function scanCaptureObject(
  object: CaptureObject,
  options: ReadCaptureOptions,
  onLine: OnCaptureLine,
  deps: CaptureDeps = {},
): Promise<void> {
  const out = await (deps.s3 ?? s3Client()).send(new GetObjectCommand({ Bucket: object.bucket, Key: object.key }));
  if (!out.Body) return;
  for await (const _ of scanCaptureChunks(out.Body as AsyncIterable<Uint8Array>, object, options, onLine));
}

/** The decoded records of one capture object, streamed from S3 (one chunk's records held at a time). */
export async function* readCaptureObject(
  object: CaptureObject,
  options: ReadCaptureOptions = {},
  deps: CaptureDeps = {},
): AsyncGenerator<CapturedRecord> {
  const out = await (deps.s3 ?? s3Client()).send(new GetObjectCommand({ Bucket: object.bucket, Key: object.key }));
  if (!out.Body) return;
  let records: CapturedRecord[] = [];
  const scan = scanCaptureChunks(out.Body as AsyncIterable<Uint8Array>, object, options, (line) => void records.push(line.toRecord()));
  for await (const _ of scan) {
    yield* records;
    records = [];
  }
  yield* records;
}
