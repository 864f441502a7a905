/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() renders app/forbidden.tsx with a 403 for a role that may not open a page.
  experimental: { authInterrupts: true },
};

export default nextConfig;
