import { describe, expect, it } from "vitest";
import { createNonce, pageContentSecurityPolicy } from "./content-security-policy";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe("pageContentSecurityPolicy", () => {
  it("allows scripts by nonce only in production, with no eval and no inline script", () => {
    const policy = directives(pageContentSecurityPolicy({ nonce: "abc123==", isDev: false }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(pageContentSecurityPolicy({ nonce: "abc123==", isDev: false })).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it("forbids framing, plugins, base-URL changes and foreign form targets", () => {
    const policy = directives(pageContentSecurityPolicy({ nonce: "n", isDev: false }));
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
  });

  it("adds eval and inline styles for next dev only", () => {
    const policy = directives(pageContentSecurityPolicy({ nonce: "n", isDev: true }));
    expect(policy.get("script-src")).toContain("'unsafe-eval'");
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });
});

describe("createNonce", () => {
  it("gives a fresh base64 value of 128 bits each time, in the form Next reads back", () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
