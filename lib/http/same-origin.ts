import { AppError } from "@/lib/errors/app-error";
import { env } from "@/lib/env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface SameOriginOptions {
  /**
   * Take the console's host from X-Forwarded-Host (set by a load balancer in front) instead of
   * Host. Off unless TRUST_FORWARDED_HOST says so: a client can send the header itself.
   */
  trustForwardedHost?: boolean;
}

/**
 * CSRF defence for cookie-authenticated mutations; it fails closed. A mutation passes only when
 * the browser says it comes from one of our own pages (`Sec-Fetch-Site: same-origin`, which page
 * scripts cannot forge) or, without Sec-Fetch-Site, when its Origin is the console's own. A request
 * with neither is refused: scripts and API clients send an Origin header (or use API keys, which
 * do not go through this check).
 */
export function assertSameOrigin(req: Request, options: SameOriginOptions = {}): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;

  const fetchSite = req.headers.get("sec-fetch-site");
  if (fetchSite === "same-origin") return;
  // "cross-site", "same-site" (a sibling sub-domain) and "none" (not from a page: a typed URL or
  // bookmark, which never mutates) are refused whatever Origin says.
  if (fetchSite) throw crossOrigin();

  const origin = req.headers.get("origin");
  if (!origin || origin === "null") throw crossOrigin();
  const trustForwardedHost = options.trustForwardedHost ?? env().TRUST_FORWARDED_HOST;
  if (hostOf(origin) !== consoleHost(req, trustForwardedHost)) throw crossOrigin();
}

function consoleHost(req: Request, trustForwardedHost: boolean): string | null {
  if (trustForwardedHost) {
    // Behind several proxies the header is a list; the first entry is the host the browser used.
    const forwarded = req.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
    if (forwarded) return forwarded.toLowerCase();
  }
  return req.headers.get("host")?.toLowerCase() ?? hostOf(req.url);
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

function crossOrigin(): AppError {
  return new AppError("forbidden", "Cross-origin request refused");
}
