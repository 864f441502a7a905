/**
 * Headers every response carries, pages, APIs and build assets alike. The pages' nonce-based
 * Content-Security-Policy is made per request in proxy.ts; API responses never render HTML, so
 * their policy allows nothing at all.
 */
const SECURITY_HEADERS = [
  // No other site may frame the console (clickjacking on verdicts, key revocation, settings).
  // frame-ancestors in the CSP says the same to current browsers; this is for older ones.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // The console uses none of these; a compromised dependency cannot ask for them either.
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), browsing-topics=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const API_CONTENT_SECURITY_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// HSTS only over https: Next itself never terminates TLS, so https means a load balancer or CDN in
// front that says so in X-Forwarded-Proto (ALB and CloudFront do). Browsers ignore the header on
// plain http (RFC 6797 §8.1), so a client that forges X-Forwarded-Proto gains nothing.
const HSTS = { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" };

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() renders app/forbidden.tsx with a 403 for a role that may not open a page.
  experimental: { authInterrupts: true },
  // Type-check only the console at build time (see tsconfig.build.json).
  typescript: { tsconfigPath: "tsconfig.build.json" },
  headers() {
    return Promise.resolve([
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
      { source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: [HSTS] },
    ]);
  },
};

export default nextConfig;
