import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests in a real browser against the whole product: the launcher starts the local
 * stack (fresh data), seeds the demo, builds the console (skipped when unchanged) and serves it.
 */
// E2E_PORT lets a second run (another checkout) go beside one already using 3100.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://localhost:${PORT}`;
const isCI = Boolean(process.env.CI);

// Debian's chromium where it exists (no browser download here); Playwright's own browsers elsewhere.
const DEBIAN_CHROMIUM = "/usr/bin/chromium";
const launchOptions = existsSync(DEBIAN_CHROMIUM)
  ? {
      executablePath: DEBIAN_CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    }
  : {};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: true,
  forbidOnly: isCI,
  // No retries: a test that passes only on a second try is a bug in the test or the product.
  retries: 0,
  // Two cores: the console, four emulators and the browsers share them.
  workers: 2,
  reporter: isCI ? [["list"], ["html", { open: "never" }]] : "list",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts$/, use: { ...devices["Desktop Chrome"], launchOptions } },
    { name: "ui", testDir: "e2e/ui", dependencies: ["setup"], use: { ...devices["Desktop Chrome"], launchOptions } },
    // API tests need no browser: they use Playwright's request context only. Like a script, the
    // context says which origin it acts for: cookie-authenticated mutations without Origin (or a
    // browser's Sec-Fetch-Site) are refused (lib/http/same-origin.ts).
    { name: "api", testDir: "e2e/api", use: { extraHTTPHeaders: { origin: BASE_URL } } },
  ],
  webServer: {
    command: `npx tsx infra/local/start.ts --data-dir .test-data/e2e --fresh --port ${PORT} --stack-ports auto --no-traffic`,
    url: `${BASE_URL}/api/health`,
    reuseExistingServer: !isCI,
    timeout: 300_000,
    stdout: "pipe",
    stderr: "pipe",
    env: { NEXT_TELEMETRY_DISABLED: "1" },
  },
});
