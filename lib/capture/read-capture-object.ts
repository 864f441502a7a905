import { GetObjectCommand } from "@aws-sdk/client-s3";
import { s3Client } from "@/lib/aws/clients";
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

/** The decoded records of one capture object, streamed from S3 line by line. */
export async function* readCaptureObject(
  object: CaptureObject,
  options: ReadCaptureOptions = {},
  deps: CaptureDeps = {},
): AsyncGenerator<CapturedRecord> {
  const out = await (deps.s3 ?? s3Client()).send(new GetObjectCommand({ Bucket: object.bucket, Key: object.key }));
  if (!out.Body) return;
  const from = options.from?.getTime() ?? -Infinity;
  const to = options.to?.getTime() ?? Infinity;
  for await (const line of streamLines(out.Body as AsyncIterable<Uint8Array>)) {
    let record: CapturedRecord;
    try {
      record = decodeCaptureLine(line, object.variant);
    } catch (error) {
      if (!(error instanceof CaptureDecodeError)) throw error;
      options.onInvalid?.(error, object);
      continue;
    }
    if (record.inferenceTime >= from && record.inferenceTime < to) yield record;
  }
}
