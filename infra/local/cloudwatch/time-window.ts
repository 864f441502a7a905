import { invalidParameterValue } from "./errors";

const MINUTE = 60;
const DAY_MS = 24 * 3600 * 1000;
const HIGH_RESOLUTION_PERIODS = new Set([1, 5, 10, 20, 30]);

export function assertValidPeriod(period: number, parameter: string): void {
  if (!HIGH_RESOLUTION_PERIODS.has(period) && period % MINUTE !== 0) {
    throw invalidParameterValue(`The parameter ${parameter} must be 1, 5, 10, 20, 30, or a multiple of 60.`);
  }
}

/**
 * The first period's start, in epoch seconds, as CloudWatch rounds StartTime: sub-minute periods to
 * a multiple of the period; otherwise to the minute (< 15 days ago), 5 minutes (< 63 days) or the
 * hour. Periods are then StartTime + k × Period, so unaligned start times give unaligned buckets,
 * exactly as on AWS.
 */
export function alignStart(startMs: number, period: number, nowMs: number): number {
  const seconds = Math.floor(startMs / 1000);
  const age = nowMs - startMs;
  const step = period < MINUTE ? period : age > 63 * DAY_MS ? 3600 : age > 15 * DAY_MS ? 300 : MINUTE;
  return seconds - (((seconds % step) + step) % step);
}

/** EndTime is exclusive: a bucket starting at second s is in range when s × 1000 < endMs. */
export function endSeconds(endMs: number): number {
  return Math.ceil(endMs / 1000);
}
