/**
 * The console pages' Content-Security-Policy, nonce-based as Next's CSP guide prescribes
 * (node_modules/next/dist/docs/01-app/02-guides/content-security-policy.md): proxy.ts makes a
 * fresh nonce per request and puts this policy on the request, Next reads the nonce back from it
 * while rendering and stamps it on its own scripts and inline styles. With 'strict-dynamic' a
 * script loaded by a nonced script is trusted too, so Next's chunk loader works and 'self' is
 * ignored by browsers that know 'strict-dynamic'.
 *
 * API responses carry a fixed policy from next.config.js instead (they never render HTML).
 */
export interface PagePolicyOptions {
  nonce: string;
  /** `next dev`: React rebuilds server error stacks with eval, and dev styles are injected inline. */
  isDev: boolean;
}

export function pageContentSecurityPolicy({ nonce, isDev }: PagePolicyOptions): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(isDev ? ["'unsafe-eval'"] : [])],
    // <style> and <link> elements need the nonce (or come from our origin) ...
    "style-src": isDev ? ["'self'", "'unsafe-inline'"] : ["'self'", `'nonce-${nonce}'`],
    // ... but style="" attributes cannot carry a nonce: server-rendered React (Recharts' responsive
    // containers, bar widths) writes them. An attribute can style one element and cannot load or
    // run anything, unlike a <style> element whose selectors can probe the page.
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/** 128 random bits, base64: unguessable and valid in a CSP nonce-source. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
