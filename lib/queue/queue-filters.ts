import { z } from "zod";
import { QUEUE_STATUSES } from "./queue-item";

/**
 * The queue's filters as URL query parameters, shared by GET /api/queue, the page's URL and the
 * client's query keys (pure: the browser parses the same URL). Status, sort and the date
 * range are served by the index key; decision, amount, model version are filters on the Query.
 */
export const QUEUE_SORTS = ["score", "oldest", "newest"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const QUEUE_PAGE_SIZES = { default: 50, max: 200 } as const;

const optionalNumber = z.preprocess((v) => (v === "" || v == null ? undefined : v), z.coerce.number().nonnegative().optional());
const optionalString = (max: number) =>
  z.preprocess((v) => (v === "" || v == null ? undefined : v), z.string().trim().min(1).max(max).optional());
const optionalDateTime = z.preprocess(
  (v) => (v === "" || v == null ? undefined : v),
  z.union([z.iso.datetime({ offset: true }), z.iso.date()]).optional(),
);

export const queueFiltersSchema = z
  .object({
    status: z.enum(QUEUE_STATUSES).default("open"),
    sort: z.enum(QUEUE_SORTS).default("score"),
    decision: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["REVIEW", "SUSPICIOUS"]).optional()),
    minAmount: optionalNumber,
    maxAmount: optionalNumber,
    modelVersion: optionalString(32),
    /** Created at or after (ISO date or date-time). */
    from: optionalDateTime,
    /** Created at or before; a bare date includes that whole day. */
    to: optionalDateTime,
    /** Exact txn_id: a GetItem, whatever the other filters say. */
    q: optionalString(128),
    limit: z.coerce.number().int().min(1).max(QUEUE_PAGE_SIZES.max).default(QUEUE_PAGE_SIZES.default),
    cursor: optionalString(2000),
  })
  .refine((f) => f.minAmount === undefined || f.maxAmount === undefined || f.minAmount <= f.maxAmount, {
    path: ["maxAmount"],
    message: "must be at least minAmount",
  });

export type QueueFilters = z.infer<typeof queueFiltersSchema>;
export type QueueFiltersInput = z.input<typeof queueFiltersSchema>;

/** Parses URLSearchParams (or a plain record) into filters; throws ZodError naming the field. */
export function parseQueueFilters(params: URLSearchParams | Record<string, string | undefined>): QueueFilters {
  const record = params instanceof URLSearchParams ? Object.fromEntries(params) : params;
  return queueFiltersSchema.parse(record);
}

/** The URL form of filters: defaults and empty values left out so URLs stay short and shareable. */
export function queueFiltersToParams(filters: Partial<QueueFilters>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === "" || key === "cursor" || key === "limit") continue;
    if ((key === "status" && value === "open") || (key === "sort" && value === "score")) continue;
    params.set(key, String(value));
  }
  return params;
}

/** ISO bounds of the date range; a bare end date means the end of that day (UTC). */
export function createdRange(filters: Pick<QueueFilters, "from" | "to">): { from?: string; to?: string } {
  const from = filters.from ? new Date(filters.from).toISOString() : undefined;
  const to = filters.to ? (filters.to.length === 10 ? `${filters.to}T23:59:59.999Z` : new Date(filters.to).toISOString()) : undefined;
  return { from, to };
}
