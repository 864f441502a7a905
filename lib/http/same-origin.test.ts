import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { assertSameOrigin } from "./same-origin";

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

describe("assertSameOrigin", () => {
  it.each([
    ["GET from another site", "GET", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }],
    ["POST from our own page", "POST", { "sec-fetch-site": "same-origin", origin: "http://localhost:3000" }],
    ["POST from a typed URL", "POST", { "sec-fetch-site": "none" }],
    ["POST with matching Origin and no Sec-Fetch-Site", "POST", { origin: "http://localhost:3000", host: "localhost:3000" }],
    [
      "POST behind a proxy",
      "PATCH",
      { origin: "https://console.bank.example", host: "10.0.0.5:3000", "x-forwarded-host": "console.bank.example" },
    ],
    ["POST from a script (no browser headers)", "DELETE", {}],
  ])("allows %s", (_name, method, headers) => {
    expect(refusal(() => assertSameOrigin(request(method, headers)))).toBeUndefined();
  });

  it.each([
    ["a cross-site fetch", "POST", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }],
    ["a sibling sub-domain", "PUT", { "sec-fetch-site": "same-site", origin: "http://other.localhost:3000" }],
    ["a foreign Origin without Sec-Fetch-Site", "POST", { origin: "https://evil.example", host: "localhost:3000" }],
    ["an opaque Origin", "POST", { origin: "null", host: "localhost:3000" }],
  ])("refuses %s with forbidden", (_name, method, headers) => {
    const error = refusal(() => assertSameOrigin(request(method, headers)));
    expect(error).toBeInstanceOf(AppError);
    expect(error?.code).toBe("forbidden");
    expect(error?.status).toBe(403);
  });
});
