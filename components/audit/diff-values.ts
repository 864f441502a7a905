/**
 * The changes between an audit entry's before and after, as leaf paths: what an admin reads to see
 * what an action changed ("thresholds.review: 0.35 → 0.3"). Arrays of objects with an `id` are
 * matched by id (rules), other arrays compare by position.
 */
export interface ValueChange {
  path: string;
  before: unknown;
  after: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const hasIds = (v: unknown): v is { id: string }[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => isObject(x) && typeof x.id === "string");

export function diffValues(before: unknown, after: unknown, path = ""): ValueChange[] {
  if (Object.is(before, after)) return [];
  if (Array.isArray(before) && Array.isArray(after) && isScalarList(before) && isScalarList(after)) {
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, before, after }];
  }
  if (
    (hasIds(before) || before === undefined || (Array.isArray(before) && before.length === 0)) &&
    (hasIds(after) || (Array.isArray(after) && after.length === 0)) &&
    (hasIds(before) || hasIds(after))
  ) {
    return diffById((before ?? []) as { id: string }[], after as { id: string }[], path);
  }
  if (
    (isObject(before) || Array.isArray(before)) &&
    (isObject(after) || Array.isArray(after)) &&
    Array.isArray(before) === Array.isArray(after)
  ) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].flatMap((key) =>
      diffValues((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key], join(path, key)),
    );
  }
  return [{ path, before, after }];
}

function diffById(before: { id: string }[], after: { id: string }[], path: string): ValueChange[] {
  const ids = [...new Set([...before.map((r) => r.id), ...after.map((r) => r.id)])];
  return ids.flatMap((id) => {
    const b = before.find((r) => r.id === id);
    const a = after.find((r) => r.id === id);
    const at = join(path, `[${id}]`);
    if (!b || !a) return [{ path: at, before: b, after: a }];
    return diffValues(b, a, at);
  });
}

function isScalarList(list: unknown[]): boolean {
  return list.every((x) => x === null || typeof x !== "object");
}

function join(path: string, key: string): string {
  if (!path) return key;
  return key.startsWith("[") ? `${path}${key}` : `${path}.${key}`;
}

/** A value as one short line of text. */
export function formatValue(value: unknown): string {
  if (value === undefined) return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}
