import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { gunzipSync } from "node:zlib";
import { CloudWatchError, requestTooLarge } from "./errors";

/** PutMetricData's documented request limit; nothing else we serve comes close. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Guard against gzip bombs; a 1 MB compressed batch of datums expands well below this. */
const MAX_INFLATED_BYTES = 32 * 1024 * 1024;
const CONTENT_TYPE = "application/x-amz-json-1.0";

export async function readBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw requestTooLarge(maxBytes);
    chunks.push(chunk);
  }
  const raw = Buffer.concat(chunks);
  // The SDK gzips request bodies above 10 KB for operations with the requestCompression trait
  // (PutMetricData), sending `Content-Encoding: gzip`.
  if (String(req.headers["content-encoding"] ?? "").toLowerCase() !== "gzip") return raw.toString("utf8");
  try {
    return gunzipSync(raw, { maxOutputLength: MAX_INFLATED_BYTES }).toString("utf8");
  } catch {
    throw new CloudWatchError("SerializationException", "SerializationException", "The request body could not be decompressed.");
  }
}

export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CloudWatchError("SerializationException", "SerializationException", "The request body is not valid JSON.");
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": CONTENT_TYPE,
    "content-length": Buffer.byteLength(text),
    "x-amzn-requestid": randomUUID(),
    ...headers,
  });
  res.end(text);
}

/** The query-compatible error form: the SDK maps `x-amzn-query-error` to the modelled exception. */
export function sendError(res: ServerResponse, error: CloudWatchError): void {
  sendJson(
    res,
    error.status,
    { __type: `com.amazonaws.cloudwatch#${error.shapeName}`, message: error.message },
    { "x-amzn-query-error": `${error.queryCode};${error.fault}` },
  );
}
