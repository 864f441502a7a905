import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "./errors";

/** Control-plane and admin bodies above this are refused (far above any real request). */
export const MAX_BODY_BYTES = 25 * 1024 * 1024;

/**
 * InvokeEndpoint's limit is 6 MB (InvokeEndpoint API reference: "Maximum request body size 6 MB");
 * AWS answers a bigger body 413 "HTTP content length exceeded 6291456 bytes." with no error code.
 */
export const MAX_INVOKE_BODY_BYTES = 6 * 1024 * 1024;
export const payloadTooLarge = (limit: number) => new ApiError("", 413, `HTTP content length exceeded ${limit} bytes.`);

export function readBody(
  req: IncomingMessage,
  limit = MAX_BODY_BYTES,
  tooLarge = () => new ApiError("ValidationException", 413, `Request payload exceeds ${limit} bytes.`),
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on("end", () => {
      if (size > limit) reject(tooLarge());
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
  if (error.code === "") {
    // An error AWS answers without a code (the SDK names it by its status): message only.
    sendBody(res, error.status, contentType, JSON.stringify({ message: error.message }), { "x-amzn-RequestId": requestId });
    return;
  }
  const body = JSON.stringify({ __type: error.code, message: error.message, Message: error.message, ...error.members });
  sendBody(res, error.status, contentType, body, { "x-amzn-RequestId": requestId, "x-amzn-ErrorType": error.code });
}
