import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/http/auth-options";
import { toErrorResponse } from "@/lib/http/error-response";
import { readBodyText } from "@/lib/http/read-json-body";

type Context = { params: Promise<{ nextauth: string[] }> };

// Only the handlers are exported: a route module may not export anything else (authOptions lives in lib/http).
const handler = NextAuth(authOptions) as (req: NextRequest, ctx: Context) => Promise<Response>;

/** A sign-in form is a CSRF token, an e-mail, a password and a callback URL: well under 16 KiB. */
const MAX_AUTH_BODY_BYTES = 16 * 1024;

/**
 * next-auth reads and parses whatever body it is given (req.text() or req.json()), so it is read
 * here first, at most MAX_AUTH_BODY_BYTES of it (413 beyond, before anything is parsed), and
 * handed on as a fresh request holding exactly those bytes.
 */
async function POST(req: NextRequest, ctx: Context): Promise<Response> {
  let body: string;
  try {
    body = await readBodyText(req, MAX_AUTH_BODY_BYTES);
  } catch (error) {
    return toErrorResponse(error);
  }
  const headers = new Headers(req.headers);
  headers.delete("content-length"); // the body is re-encoded text now
  return handler(new NextRequest(req.url, { method: "POST", headers, body }), ctx);
}

export { handler as GET, POST };
