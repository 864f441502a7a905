import { AppError } from "@/lib/errors/app-error";

/**
 * The queue's cursor: the DynamoDB key to continue after, base64url-encoded. It is client input,
 * so decoding checks it belongs to the index partition of this tenant and status (a cursor from
 * another tenant, status or sort order is refused) and that it carries exactly the key attributes.
 */
export type CursorKey = Record<"PK" | "SK", string> & Record<string, string>;

export function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor(
  cursor: string,
  expected: { indexPk: string; pkAttr: string; skAttr: string; itemPkPrefix: string },
): CursorKey {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (typeof key !== "object" || key === null) throw invalid();
  const record = key as Record<string, unknown>;
  const names = Object.keys(record).sort();
  const wanted = ["PK", "SK", expected.pkAttr, expected.skAttr].sort();
  if (names.join() !== wanted.join() || !names.every((n) => typeof record[n] === "string")) throw invalid();
  if (record[expected.pkAttr] !== expected.indexPk || !(record.PK as string).startsWith(expected.itemPkPrefix)) throw invalid();
  return record as CursorKey;
}

function invalid(): AppError {
  return new AppError("bad_request", "cursor: not a cursor of this queue view");
}
