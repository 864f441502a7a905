/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() renders app/forbidden.tsx with a 403 for a role that may not open a page.
  experimental: { authInterrupts: true },
  // Type-check only the console at build time (see tsconfig.build.json).
  typescript: { tsconfigPath: "tsconfig.build.json" },
};

export default nextConfig;
