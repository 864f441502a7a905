import { invalidNextToken } from "../errors";

/** NextToken for the alarm lists: an offset into the same ordering, opaque to callers. */
export function page<T>(items: T[], max: number, token: string | undefined): { items: T[]; NextToken?: string } {
  const offset = token === undefined ? 0 : decode(token, items.length);
  const next = offset + max;
  return {
    items: items.slice(offset, next),
    ...(next < items.length ? { NextToken: Buffer.from(String(next)).toString("base64url") } : {}),
  };
}

function decode(token: string, total: number): number {
  const n = Number(Buffer.from(token, "base64url").toString("utf8"));
  if (!Number.isInteger(n) || n < 0 || n > total) throw invalidNextToken();
  return n;
}
