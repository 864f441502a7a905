import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

/**
 * Per-variant health of an endpoint over a window, as the Endpoints page and
 * GET /api/endpoints/{name}/metrics show it. Pure (no AWS): the browser imports the types and the
 * window presets, the server the query parsing.
 */

/** The windows the page offers, by the name it keeps in the URL (`?window=1h`). */
export const METRIC_WINDOWS = {
  "15m": { label: "15 min", seconds: 15 * 60, period: 60 },
  "1h": { label: "1 hour", seconds: 3600, period: 60 },
  "24h": { label: "24 hours", seconds: 24 * 3600, period: 15 * 60 },
} as const;
export type MetricWindow = keyof typeof METRIC_WINDOWS;
export const DEFAULT_METRIC_WINDOW: MetricWindow = "1h";

export function isMetricWindow(value: unknown): value is MetricWindow {
  return typeof value === "string" && Object.hasOwn(METRIC_WINDOWS, value);
}

/** The longest range one request may ask for: CloudWatch keeps 1-minute data for 15 days. */
export const MAX_RANGE_SECONDS = 15 * 24 * 3600;
/** One series never holds more than this many periods (GetMetricStatistics' own limit, and a readable chart). */
export const MAX_POINTS = 1440;

export interface VariantMetricsPoint {
  /** Period start, ISO. */
  t: string;
  invocations: number | null;
  /** Shares of the period's invocations, 0..1. */
  rate4xx: number | null;
  rate5xx: number | null;
  /** ModelLatency percentiles in milliseconds (SageMaker reports microseconds). */
  p50Ms: number | null;
  p95Ms: number | null;
}

export interface VariantMetricsSummary {
  invocations: number;
  errors4xx: number;
  errors5xx: number;
  rate4xx: number | null;
  rate5xx: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
}

export interface VariantMetrics {
  variantName: string;
  /** A shadow variant gets a copy of live requests; its answers never reach the caller. */
  isShadow: boolean;
  /** Over the whole window. */
  summary: VariantMetricsSummary;
  /** Oldest first, one point per period that had data. */
  series: VariantMetricsPoint[];
}

export interface EndpointMetrics {
  endpointName: string;
  from: string;
  to: string;
  /** Seconds per point. */
  period: number;
  variants: VariantMetrics[];
}

const HIGH_RESOLUTION_PERIODS = [1, 5, 10, 20, 30];

/**
 * `?from&to&period` of the metrics route. Both bounds are optional: `to` defaults to now, `from`
 * to an hour before `to`. The period defaults to the window preset's (or one that keeps the series
 * within MAX_POINTS) and must be one CloudWatch accepts (1, 5, 10, 20, 30 or a multiple of 60).
 */
export const metricsQuerySchema = z
  .object({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    period: z.coerce
      .number()
      .int()
      .refine((p) => HIGH_RESOLUTION_PERIODS.includes(p) || (p > 0 && p % 60 === 0), {
        message: "must be 1, 5, 10, 20, 30 or a multiple of 60 seconds",
      })
      .optional(),
  })
  .strict();

export interface MetricsRange {
  fromMs: number;
  toMs: number;
  period: number;
}

/** Resolves the query against `nowMs` and checks the range: a bad range is a 400 naming the field. */
export function resolveMetricsRange(query: z.infer<typeof metricsQuerySchema>, nowMs: number): MetricsRange {
  const toMs = query.to ? Date.parse(query.to) : nowMs;
  const fromMs = query.from ? Date.parse(query.from) : toMs - 3600_000;
  if (fromMs >= toMs) throw badRange("from", "must be before to");
  const seconds = (toMs - fromMs) / 1000;
  if (seconds > MAX_RANGE_SECONDS) throw badRange("from", "the range may span at most 15 days");
  const period = query.period ?? defaultPeriod(seconds);
  if (seconds / period > MAX_POINTS) throw badRange("period", `too small for this range (at most ${MAX_POINTS} points)`);
  return { fromMs, toMs, period };
}

function badRange(field: string, message: string): AppError {
  return new AppError("bad_request", `${field}: ${message}`, { details: { issues: [{ field, message }] } });
}

/** The preset's period for a preset-length range, else the smallest minute multiple within MAX_POINTS and ~60+ points. */
export function defaultPeriod(seconds: number): number {
  const preset = Object.values(METRIC_WINDOWS).find((w) => w.seconds === seconds);
  if (preset) return preset.period;
  return Math.max(60, Math.ceil(seconds / 120 / 60) * 60);
}
