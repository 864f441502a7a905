import { describe, expect, it } from "vitest";
import { hasMalformedEscape } from "./malformed-url";

describe("hasMalformedEscape", () => {
  it.each([
    ["/api/transactions/%E0%A4%A", "a truncated UTF-8 sequence"],
    ["/transactions/%E0%A4%A", "the same on a page"],
    ["/api/transactions/%", "a lone percent sign"],
    ["/queue/%zz", "a percent sign without hex digits"],
    ["/api/transactions/%C0%AF", "an overlong (invalid) UTF-8 encoding"],
  ])("finds %s (%s)", (path) => {
    expect(hasMalformedEscape(path)).toBe(true);
  });

  it.each([["/api/transactions/txn-1"], ["/api/transactions/%25"], ["/api/transactions/a%2Fb"], ["/transactions/%E0%A4%A4"], ["/"]])(
    "accepts %s",
    (path) => {
      expect(hasMalformedEscape(path)).toBe(false);
    },
  );
});
