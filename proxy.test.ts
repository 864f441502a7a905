import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { proxy } from "./proxy";

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= "proxy-test-secret";
});

const request = (path: string) => new NextRequest(new URL(path, "http://localhost:3000"));

describe("proxy", () => {
  it("answers a malformed API path with the one error body, before any route decodes it", async () => {
    const response = await proxy(request("/api/transactions/%E0%A4%A"));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: "bad_request", message: "The URL is not valid: it has a malformed percent-escape" },
    });
  });

  it("lets a well-formed API path through untouched, with no page policy", async () => {
    const response = await proxy(request("/api/transactions/a%2Fb"));
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(response.headers.get("content-security-policy")).toBeNull();
  });

  it("rewrites a malformed page path to a path no route has, so Next renders the not-found page", async () => {
    const response = await proxy(request("/transactions/%E0%A4%A"));
    expect(response.headers.get("x-middleware-rewrite")).toBe("http://localhost:3000/_malformed-url");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("gives a page the same nonce-based policy on the response and on the request Next renders from", async () => {
    const response = await proxy(request("/signin"));
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/);
    // NextResponse.next({ request: { headers } }) forwards overridden request headers this way.
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(policy).not.toBe((await proxy(request("/signin"))).headers.get("content-security-policy"));
  });

  it("sends a signed-out page request to sign-in, keeping where it was going, with the policy on the redirect", async () => {
    const response = await proxy(request("/queue?status=open"));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("http://localhost:3000/signin?callbackUrl=%2Fqueue%3Fstatus%3Dopen");
    expect(response.headers.get("content-security-policy")).toContain("'strict-dynamic'");
  });
});
