import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { assertSameOrigin, type SameOriginOptions } from "./same-origin";

function request(method: string, headers: Record<string, string>): Request {
  return new Request("http://localhost:3000/api/things", { method, headers });
}

function refusal(fn: () => void): AppError | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error as AppError;
  }
}

const behindProxy = { origin: "https://console.bank.example", host: "10.0.0.5:3000", "x-forwarded-host": "console.bank.example" };

describe("assertSameOrigin", () => {
  it.each<[string, string, Record<string, string>, SameOriginOptions?]>([
    ["GET from another site", "GET", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }],
    ["HEAD with no headers at all", "HEAD", {}],
    ["POST from our own page", "POST", { "sec-fetch-site": "same-origin", origin: "http://localhost:3000" }],
    ["POST from our own page without Origin", "POST", { "sec-fetch-site": "same-origin" }],
    ["POST with matching Origin and no Sec-Fetch-Site", "POST", { origin: "http://localhost:3000", host: "localhost:3000" }],
    ["POST with an Origin whose host differs only in case", "POST", { origin: "http://LOCALHOST:3000", host: "localhost:3000" }],
    ["PATCH behind a trusted proxy", "PATCH", behindProxy, { trustForwardedHost: true }],
    [
      "PATCH behind a chain of trusted proxies",
      "PATCH",
      { ...behindProxy, "x-forwarded-host": "console.bank.example, 10.0.0.9" },
      { trustForwardedHost: true },
    ],
  ])("allows %s", (_name, method, headers, options = { trustForwardedHost: false }) => {
    expect(refusal(() => assertSameOrigin(request(method, headers), options))).toBeUndefined();
  });

  it.each<[string, string, Record<string, string>, SameOriginOptions?]>([
    ["a mutation with neither Origin nor Sec-Fetch-Site", "DELETE", {}],
    ["a cross-site fetch", "POST", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }],
    ["a sibling sub-domain", "PUT", { "sec-fetch-site": "same-site", origin: "http://other.localhost:3000" }],
    ["a typed URL or bookmark (Sec-Fetch-Site: none)", "POST", { "sec-fetch-site": "none" }],
    ["cross-site even with a matching Origin", "POST", { "sec-fetch-site": "cross-site", origin: "http://localhost:3000" }],
    ["a foreign Origin without Sec-Fetch-Site", "POST", { origin: "https://evil.example", host: "localhost:3000" }],
    ["an opaque Origin", "POST", { origin: "null", host: "localhost:3000" }],
    ["an Origin that is not a URL", "POST", { origin: "localhost:3000", host: "localhost:3000" }],
    ["the same host on another port", "POST", { origin: "http://localhost:4000", host: "localhost:3000" }],
    ["a client-sent X-Forwarded-Host when it is not trusted", "POST", { ...behindProxy }],
    [
      "a forged X-Forwarded-Host naming the attacker when it is not trusted",
      "POST",
      { origin: "https://evil.example", host: "localhost:3000", "x-forwarded-host": "evil.example" },
    ],
  ])("refuses %s with forbidden", (_name, method, headers, options = { trustForwardedHost: false }) => {
    const error = refusal(() => assertSameOrigin(request(method, headers), options));
    expect(error).toBeInstanceOf(AppError);
    expect(error?.code).toBe("forbidden");
    expect(error?.status).toBe(403);
    expect(error?.message).toBe("Cross-origin request refused");
  });
});
