import { isIP } from "node:net";

/**
 * The client's address for sign-in throttling, from X-Forwarded-For. Each proxy appends the
 * address it received the request from, so with `trustedHops` proxies of our own in front of the
 * console the client is the `trustedHops`-th entry from the right; entries further left were sent
 * by the client and prove nothing. One hop is the default: the load balancer in AWS, or Next itself
 * locally (it sets the header from the socket when none came). "unknown" when there is none.
 */
export function clientAddress(forwardedFor: string | null | undefined, trustedHops: number): string {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const candidate = entries[entries.length - Math.max(1, trustedHops)] ?? entries[0];
  if (!candidate) return "unknown";
  // IPv4-mapped IPv6 (::ffff:10.0.0.1) is the same client as 10.0.0.1.
  const address = candidate.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return isIP(address) ? address.toLowerCase() : "unknown";
}
