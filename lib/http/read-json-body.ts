import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

/** Default cap on request bodies: console mutations carry a note or a few fields, never more. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads at most maxBytes of the body and parses it as JSON with the schema. Refuses early on a
 * Content-Length over the limit, and counts bytes while streaming because Content-Length may be
 * absent (chunked) or wrong.
 */
export async function readJsonBody<S extends z.ZodType>(req: Request, schema: S, options: { maxBytes?: number } = {}): Promise<z.infer<S>> {
  const text = await readBodyText(req, options.maxBytes ?? DEFAULT_MAX_BODY_BYTES);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "Request body is not valid JSON");
  }
  // ZodError propagates; the route wrapper names the fields in the 400 body.
  return schema.parse(json);
}

export async function readBodyText(req: Request, maxBytes: number): Promise<string> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return "";

  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", `Request body is larger than ${maxBytes} bytes`, { details: { maxBytes } });
}
