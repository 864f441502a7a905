import { validationException } from "../errors";

/**
 * Sorting, filtering and paging shared by the List* operations. NextToken is an opaque offset;
 * a token that does not parse is refused as AWS refuses a foreign token.
 */
export interface ListOptions {
  SortOrder?: "Ascending" | "Descending";
  NextToken?: string;
  MaxResults?: number;
  NameContains?: string;
  CreationTimeAfter?: number;
  CreationTimeBefore?: number;
}

export interface PageRequest<T> {
  items: T[];
  name: (item: T) => string;
  creationTime: (item: T) => number;
  sortKey: (item: T) => string | number;
  options: ListOptions;
  defaultOrder: "Ascending" | "Descending";
  defaultMaxResults: number;
}

export function listPage<T>(request: PageRequest<T>): { page: T[]; NextToken?: string } {
  const { options } = request;
  const needle = options.NameContains?.toLowerCase();
  // Wire timestamps are epoch seconds; records hold milliseconds.
  const after = options.CreationTimeAfter === undefined ? undefined : options.CreationTimeAfter * 1000;
  const before = options.CreationTimeBefore === undefined ? undefined : options.CreationTimeBefore * 1000;
  const filtered = request.items.filter((item) => {
    const created = request.creationTime(item);
    if (needle !== undefined && !request.name(item).toLowerCase().includes(needle)) return false;
    if (after !== undefined && created <= after) return false;
    if (before !== undefined && created >= before) return false;
    return true;
  });
  const direction = (options.SortOrder ?? request.defaultOrder) === "Ascending" ? 1 : -1;
  filtered.sort((a, b) => compare(request.sortKey(a), request.sortKey(b)) * direction);
  const start = decodeToken(options.NextToken);
  const end = start + (options.MaxResults ?? request.defaultMaxResults);
  const page = filtered.slice(start, end);
  return end < filtered.length ? { page, NextToken: encodeToken(end) } : { page };
}

function compare(a: string | number, b: string | number): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b));
}

function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString("base64");
}

function decodeToken(token: string | undefined): number {
  if (!token) return 0;
  try {
    const { offset } = JSON.parse(Buffer.from(token, "base64").toString("utf8")) as { offset: unknown };
    if (typeof offset === "number" && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through to the error below
  }
  throw validationException("Invalid pagination token.");
}

/** Epoch milliseconds to the epoch seconds AWS JSON protocols carry. */
export function seconds(ms: number): number {
  return ms / 1000;
}
