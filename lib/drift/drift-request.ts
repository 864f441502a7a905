import { z } from "zod";

/** The longest window one run reads: a month of capture is bounded work for the streaming job. */
export const MAX_DRIFT_WINDOW_DAYS = 31;
/** Scheduled runs look at the trailing day: enough records per feature at demo traffic, hourly resolution. */
export const SCHEDULED_WINDOW_HOURS = 24;

const endpoint = z.string().regex(/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/, "a SageMaker endpoint name");
const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

/** POST /api/drift/run: exactly this window [from, to). */
export const driftRunRequestSchema = z.object({ endpoint, from: instant, to: instant }).superRefine((r, ctx) => {
  // zod runs object refinements even when a field failed: only judge two real dates.
  if (!(r.from instanceof Date) || !(r.to instanceof Date)) return;
  if (r.to.getTime() <= r.from.getTime()) ctx.addIssue({ code: "custom", path: ["to"], message: "must be after from" });
  else if (r.to.getTime() - r.from.getTime() > MAX_DRIFT_WINDOW_DAYS * 86_400_000) {
    ctx.addIssue({ code: "custom", path: ["to"], message: `the window may be at most ${MAX_DRIFT_WINDOW_DAYS} days` });
  }
});
export type DriftRunRequest = z.infer<typeof driftRunRequestSchema>;

/** GET /api/drift?endpoint=…&limit=… */
export const driftOverviewQuerySchema = z.object({
  endpoint: endpoint.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(72),
});
