import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { signInPath } from "@/lib/auth/callback-url";

/**
 * Early redirect of signed-out PAGE requests to /signin, so a bookmark lands on the sign-in form
 * without rendering anything. It is a convenience, not the guard: every page and route handler
 * checks the session and role itself (requireSession / withRoute). API routes are not matched:
 * they answer 401 JSON, never a redirect. next-auth reads NEXTAUTH_SECRET itself.
 */
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request });
  if (token) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  return NextResponse.redirect(new URL(signInPath(pathname + search), request.url));
}

export const config = {
  // Everything except the API, Next's assets, the sign-in page and files with an extension.
  matcher: ["/((?!api/|_next/|signin|favicon\\.ico|.*\\.[a-zA-Z0-9]+$).*)"],
};
