import { expect, test, type APIResponse } from "@playwright/test";
import { DEMO_USERS } from "../support/demo-users";
import { signInWithApi } from "../support/sign-in";

/** The HTTP edge: security headers, malformed URLs, body limits and the same-origin check. */

function expectSecurityHeaders(response: APIResponse, what: string): void {
  const headers = response.headers();
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], what).toContain("camera=()");
  expect(headers["content-security-policy"], what).toContain("frame-ancestors 'none'");
  expect(headers["strict-transport-security"], `${what} over plain http`).toBeUndefined();
}

function scriptNonce(policy: string | undefined): string | undefined {
  return /script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? "")?.[1];
}

test("pages carry the security headers and a nonce-based CSP with a fresh nonce on every response", async ({ request }) => {
  const first = await request.get("/signin");
  const second = await request.get("/signin");
  expect(first.status()).toBe(200);
  expectSecurityHeaders(first, "GET /signin");
  const policy = first.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
  expect(policy).not.toContain("unsafe-eval");
  const nonce = scriptNonce(policy);
  expect(nonce).toBeTruthy();
  expect(scriptNonce(second.headers()["content-security-policy"])).not.toBe(nonce);
  // Next stamps the response's nonce on every script it renders.
  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  const redirect = await request.get("/queue", { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expectSecurityHeaders(redirect, "the sign-in redirect");

  const notFound = await request.get("/no-such-file.txt");
  expect(notFound.status()).toBe(404);
  expectSecurityHeaders(notFound, "the not-found page");
});

test("API responses carry the security headers and a CSP that allows nothing", async ({ request }) => {
  for (const [path, status] of [
    ["/api/health", 200],
    ["/api/models", 401],
    ["/api/no-such-route", 404],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(status);
    expectSecurityHeaders(response, path);
    expect(response.headers()["content-security-policy"]).toBe(
      "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  }
  expect(await (await request.get("/api/no-such-route")).json()).toEqual({ error: { code: "not_found", message: "No such API route" } });
});

test("HSTS is sent when the console is served over https (the TLS proxy says so in X-Forwarded-Proto)", async ({ request }) => {
  for (const path of ["/signin", "/api/health"]) {
    const response = await request.get(path, { headers: { "x-forwarded-proto": "https" } });
    expect(response.headers()["strict-transport-security"], path).toBe("max-age=63072000; includeSubDomains");
  }
});

test("a malformed percent-escape is a 400 JSON error on the API and the not-found page on pages, never a 500", async ({ request }) => {
  const api = await request.get("/api/transactions/%E0%A4%A");
  expect(api.status()).toBe(400);
  expect(await api.json()).toEqual({
    error: { code: "bad_request", message: "The URL is not valid: it has a malformed percent-escape" },
  });
  expectSecurityHeaders(api, "the malformed API path");
  expect((await request.post("/api/transactions/%E0%A4%A/claim", { data: {} })).status()).toBe(400);

  for (const path of ["/transactions/%E0%A4%A", "/%zz"]) {
    const page = await request.get(path, { maxRedirects: 0 });
    expect(page.status(), path).toBe(404);
    expect(page.headers()["content-type"]).toContain("text/html");
    expect(await page.text()).toContain("Page not found");
    expectSecurityHeaders(page, path);
  }
});

test("signed in, a malformed transaction URL is still the not-found page", async ({ request }) => {
  expect((await signInWithApi(request, DEMO_USERS.analyst)).ok()).toBe(true);
  const page = await request.get("/transactions/%E0%A4%A");
  expect(page.status()).toBe(404);
  expect(await page.text()).toContain("Page not found");
  expect((await request.get("/api/transactions/%E0%A4%A")).status()).toBe(400);
});

test("a 2 MB POST to next-auth's credentials callback is refused with 413 before it is parsed", async ({ request }) => {
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email: DEMO_USERS.analyst.email, password: "x".repeat(2 * 1024 * 1024), json: "true" },
  });
  expect(response.status()).toBe(413);
  expect(await response.json()).toEqual({
    error: { code: "payload_too_large", message: "Request body is larger than 16384 bytes", details: { maxBytes: 16384 } },
  });
  expect(await (await request.get("/api/auth/session")).json()).toEqual({});
  // A sign-in of ordinary size still goes through the same route.
  expect((await signInWithApi(request, DEMO_USERS.analyst)).ok()).toBe(true);
});

test.describe("the same-origin check on cookie-authenticated mutations", () => {
  test("refuses a mutation with neither Origin nor Sec-Fetch-Site, a foreign Origin and a forged X-Forwarded-Host", async ({
    playwright,
  }) => {
    const baseURL = test.info().project.use.baseURL ?? "";
    // A context of its own, without the Origin header the API project adds to every request.
    const bare = await playwright.request.newContext({ baseURL, extraHTTPHeaders: {} });
    try {
      expect((await signInWithApi(bare, DEMO_USERS.analyst)).ok()).toBe(true);
      const claim = "/api/transactions/e2e-same-origin-none/claim";
      const refused = { error: { code: "forbidden", message: "Cross-origin request refused" } };
      for (const [what, headers] of [
        ["neither header", {}],
        ["a foreign Origin", { origin: "https://evil.example" }],
        ["a forged X-Forwarded-Host", { origin: "https://evil.example", "x-forwarded-host": "evil.example" }],
        ["a cross-site fetch", { "sec-fetch-site": "cross-site", origin: baseURL }],
      ] as const) {
        const response = await bare.post(claim, { data: {}, headers });
        expect(response.status(), what).toBe(403);
        expect(await response.json(), what).toEqual(refused);
      }
      // The same request from the console's own origin reaches the handler (no such item: 404).
      const own = await bare.post(claim, { data: {}, headers: { origin: baseURL } });
      expect(own.status()).toBe(404);
      const page = await bare.post(claim, { data: {}, headers: { "sec-fetch-site": "same-origin" } });
      expect(page.status()).toBe(404);
    } finally {
      await bare.dispose();
    }
  });
});
