import { AppError } from "@/lib/errors/app-error";

/**
 * A dashboard's time range: a preset ("1h") or a custom [from, to), and the step of its series.
 * The default step is the finest "nice" period that keeps a series at most DEFAULT_POINTS long (one
 * minute up to six hours, five minutes for a day, thirty for a week): a chart is some 500 pixels
 * wide, and a page of recharts SVGs with 1,440 points per series kept a browser's main thread busy
 * for seconds (the e2e runs showed it). A caller may ask for a finer step, down to one minute, up to
 * MAX_POINTS points. CloudWatch keeps one-minute data for 15 days, so a range may not reach further back.
 */
export const RANGE_PRESETS = { "15m": 15 * 60_000, "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000 } as const;
export type RangePreset = keyof typeof RANGE_PRESETS;

export const MAX_POINTS = 1440;
export const DEFAULT_POINTS = 360;
const NICE_PERIODS = [60, 300, 600, 900, 1800, 3600, 21_600, 86_400];
const RETENTION_MS = 15 * 86_400_000;
/** A little clock skew between the browser and the server is not an error. */
const FUTURE_SLACK_MS = 5 * 60_000;

export interface DashboardRange {
  from: number;
  to: number;
  /** Seconds. */
  step: number;
}

export function isRangePreset(value: string): value is RangePreset {
  return Object.hasOwn(RANGE_PRESETS, value);
}

export function presetRange(preset: RangePreset, now: number): { from: number; to: number } {
  return { from: now - RANGE_PRESETS[preset], to: now };
}

/** The finest nice period that keeps a series within `points` (the default's, or the limit's). */
export function defaultStep(spanMs: number, points = DEFAULT_POINTS): number {
  return NICE_PERIODS.find((p) => spanMs / (p * 1000) <= points) ?? NICE_PERIODS[NICE_PERIODS.length - 1]!;
}

function parseTime(name: string, value: string): number {
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(ms)) throw new AppError("bad_request", `${name} must be an ISO 8601 time or epoch milliseconds, got "${value}"`);
  return ms;
}

/** From query parameters `range` (a preset) or `from`/`to`, and an optional `step` in seconds. */
export function parseDashboardRange(params: URLSearchParams, now: number): DashboardRange {
  const preset = params.get("range");
  const fromParam = params.get("from");
  let from: number;
  let to: number;
  if (fromParam !== null) {
    from = parseTime("from", fromParam);
    to = params.get("to") !== null ? parseTime("to", params.get("to")!) : now;
  } else {
    const name = preset ?? "1h";
    if (!isRangePreset(name))
      throw new AppError("bad_request", `range must be one of ${Object.keys(RANGE_PRESETS).join(", ")}, got "${name}"`);
    ({ from, to } = presetRange(name, now));
  }
  if (from >= to) throw new AppError("bad_request", "from must be before to");
  if (to > now + FUTURE_SLACK_MS) throw new AppError("bad_request", "to must not be in the future");
  if (from < now - RETENTION_MS)
    throw new AppError("bad_request", "from must be within the last 15 days (CloudWatch's one-minute retention)");
  const span = to - from;
  const stepParam = params.get("step");
  const step = stepParam === null ? defaultStep(span) : Number(stepParam);
  if (!Number.isInteger(step) || step < 60 || step % 60 !== 0)
    throw new AppError("bad_request", "step must be a whole number of minutes in seconds (60, 120, …)");
  if (span / (step * 1000) > MAX_POINTS) {
    throw new AppError(
      "bad_request",
      `step ${step}s gives more than ${MAX_POINTS} points over this range; use at least ${defaultStep(span, MAX_POINTS)}`,
    );
  }
  return { from, to, step };
}
