import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "./errors";

/** Payloads above this are refused as SageMaker does (its hard limit is 25 MB). */
export const MAX_BODY_BYTES = 25 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => {
      if (size > MAX_BODY_BYTES) reject(new ApiError("ValidationError", 413, `Request payload exceeds ${MAX_BODY_BYTES} bytes.`));
      else resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    });
    req.on("error", reject);
  });
}

export function newRequestId(): string {
  return randomUUID();
}

export function sendBody(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "Content-Type": contentType, "Content-Length": Buffer.byteLength(body), ...headers });
  res.end(body);
}

/** `__type` and `x-amzn-ErrorType` both name the code; the SDK reads either (and `message` or `Message`). */
export function sendError(res: ServerResponse, error: ApiError, requestId: string, contentType = "application/x-amz-json-1.1"): void {
  const body = JSON.stringify({ __type: error.code, message: error.message, Message: error.message, ...error.members });
  sendBody(res, error.status, contentType, body, { "x-amzn-RequestId": requestId, "x-amzn-ErrorType": error.code });
}
