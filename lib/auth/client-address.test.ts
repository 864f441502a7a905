import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it.each([
    ["the only entry", "203.0.113.7", 1, "203.0.113.7"],
    ["the rightmost entry with one proxy: what the client sent further left proves nothing", "10.9.9.9, 203.0.113.7", 1, "203.0.113.7"],
    ["the second from the right behind two proxies", "1.1.1.1, 203.0.113.7, 10.0.0.2", 2, "203.0.113.7"],
    ["an IPv4-mapped IPv6 address as IPv4", "::ffff:203.0.113.7", 1, "203.0.113.7"],
    ["IPv6 in lower case", "2001:DB8::1", 1, "2001:db8::1"],
    ["the leftmost when there are fewer entries than hops", "203.0.113.7", 3, "203.0.113.7"],
  ])("takes %s", (_name, header, hops, expected) => {
    expect(clientAddress(header, hops)).toBe(expected);
  });

  it.each([null, "", "not-an-address", "203.0.113.7#SK"])("answers unknown for %j", (header) => {
    expect(clientAddress(header, 1)).toBe("unknown");
  });
});
