import { AppError } from "@/lib/errors/app-error";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for cookie-authenticated mutations. Browsers send `Sec-Fetch-Site` (all current
 * ones) and `Origin` (on every cross-origin and same-origin POST), so a cross-site form or fetch
 * always reveals itself. A request with neither header did not come from a browser page and cannot
 * carry a victim's cookies by accident (scripts and API tests send their own), so it passes.
 */
export function assertSameOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;

  const fetchSite = req.headers.get("sec-fetch-site");
  if (fetchSite) {
    // "none" = typed URL / bookmark; "same-origin" = our own pages. "same-site" is a sibling
    // sub-domain, which we do not trust with mutations.
    if (fetchSite === "same-origin" || fetchSite === "none") return;
    throw crossOrigin();
  }

  const origin = req.headers.get("origin");
  if (!origin) return;
  if (origin === "null" || hostOf(origin) !== requestHost(req)) throw crossOrigin();
}

function requestHost(req: Request): string | null {
  // Behind a load balancer the original host arrives in X-Forwarded-Host.
  return req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? hostOf(req.url);
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
