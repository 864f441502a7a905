import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { signInPath } from "@/lib/auth/callback-url";
import { createNonce, pageContentSecurityPolicy } from "@/lib/http/content-security-policy";
import { hasMalformedEscape, MALFORMED_URL_BODY } from "@/lib/http/malformed-url";

/**
 * The HTTP edge of every page request (and of API requests whose path is malformed):
 *
 * 1. A path with a broken percent-escape never reaches Next's router: matching a dynamic segment
 *    (`/transactions/[txnId]`) decodes it, throws DecodeError, and router-server.js answers with a
 *    render of "/400" that the App Router does not have: a plain-text 500. API paths get the one
 *    error body (400), pages the not-found page.
 * 2. Pages get a nonce-based Content-Security-Policy (see lib/http/content-security-policy.ts);
 *    the fixed headers every response carries are in next.config.js.
 * 3. Signed-out page requests are redirected to /signin so a bookmark lands on the form. That is a
 *    convenience, not the guard: every page and route handler checks the session and role itself.
 *    API routes are not redirected: they answer 401 JSON. next-auth reads NEXTAUTH_SECRET itself.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname === "/api" || pathname.startsWith("/api/");
  if (isApi) {
    // The matcher sends only malformed API paths here; check again rather than trust the pattern.
    return hasMalformedEscape(pathname) ? Response.json(MALFORMED_URL_BODY, { status: 400 }) : NextResponse.next();
  }

  const nonce = createNonce();
  const policy = pageContentSecurityPolicy({ nonce, isDev: process.env.NODE_ENV === "development" });
  const withPolicy = <R extends Response>(response: R): R => {
    response.headers.set("Content-Security-Policy", policy);
    return response;
  };

  const requestHeaders = new Headers(request.headers);
  // Next takes the nonce from the request's policy header while rendering.
  requestHeaders.set("Content-Security-Policy", policy);
  requestHeaders.set("x-nonce", nonce);

  if (hasMalformedEscape(pathname)) {
    // A path no route has: Next renders app/not-found.tsx with a 404.
    return withPolicy(NextResponse.rewrite(new URL("/_malformed-url", request.url), { request: { headers: requestHeaders } }));
  }

  if (needsSignIn(pathname) && !(await getToken({ req: request }))) {
    return withPolicy(NextResponse.redirect(new URL(signInPath(pathname + search), request.url)));
  }
  return withPolicy(NextResponse.next({ request: { headers: requestHeaders } }));
}

/** The sign-in page itself and files with an extension (icons, robots.txt) are open to all. */
function needsSignIn(pathname: string): boolean {
  return !(pathname === "/signin" || pathname.startsWith("/signin/") || /\.[a-zA-Z0-9]+$/.test(pathname));
}

export const config = {
  matcher: [
    // Every page, including the not-found page of unknown paths; not Next's build assets.
    "/((?!api/|_next/static/|_next/image|favicon\\.ico).*)",
    // API paths only when they hold a percent sign: the scoring hot path never pays for the proxy.
    "/api/(.*%.*)",
  ],
};
