import type { Page } from "@playwright/test";

export interface CspViolation {
  directive: string;
  blockedURI: string;
  sample: string;
}

declare global {
  interface Window {
    __cspViolations?: CspViolation[];
  }
}

/**
 * Records every Content-Security-Policy violation the page reports (the browser fires a
 * securitypolicyviolation event for each blocked script, style, frame or connection), from the
 * first byte of every document the page loads.
 */
export async function recordCspViolations(page: Page): Promise<() => Promise<CspViolation[]>> {
  const consoleReports: CspViolation[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) {
      consoleReports.push({ directive: "console", blockedURI: "", sample: message.text() });
    }
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__cspViolations?.push({ directive: event.effectiveDirective, blockedURI: event.blockedURI, sample: event.sample });
    });
  });
  return async () => [...(await page.evaluate(() => window.__cspViolations ?? [])), ...consoleReports];
}
