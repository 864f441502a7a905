import { describe, expect, it } from "vitest";
import { z, ZodError } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { readJsonBody } from "./read-json-body";

const schema = z.object({ note: z.string().max(10) });

function post(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost/api/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe("readJsonBody", () => {
  it("parses a valid body with the schema", async () => {
    await expect(readJsonBody(post(JSON.stringify({ note: "ok" })), schema)).resolves.toEqual({ note: "ok" });
  });

  it("refuses invalid JSON with bad_request", async () => {
    await expect(readJsonBody(post("{nope"), schema)).rejects.toMatchObject({ code: "bad_request" });
  });

  it("lets the zod error through so the wrapper names the field", async () => {
    await expect(readJsonBody(post(JSON.stringify({ note: "far too long a note" })), schema)).rejects.toBeInstanceOf(ZodError);
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const error = await readJsonBody(post("{}", { "content-length": "2000" }), schema, { maxBytes: 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "payload_too_large", status: 413 });
  });

  it("refuses a streamed body that grows past the limit without a Content-Length", async () => {
    const body = streamOf(['{"note":"', "x".repeat(600), "y".repeat(600), '"}']);
    await expect(readJsonBody(post(body), schema, { maxBytes: 1000 })).rejects.toMatchObject({ code: "payload_too_large" });
  });
});
