import type { RollbackEvent } from "@/lib/queries/rollbacks";
import type { TimelineDay } from "./rollback-timeline-chart";

export const TIMELINE_RANGES = { "7d": 7, "30d": 30, "90d": 90, "365d": 365 } as const;
export type TimelineRange = keyof typeof TIMELINE_RANGES;
export const DEFAULT_TIMELINE_RANGE: TimelineRange = "90d";

export function isTimelineRange(value: unknown): value is TimelineRange {
  return typeof value === "string" && Object.hasOwn(TIMELINE_RANGES, value);
}

const DAY_MS = 86_400_000;

/** One bucket per UTC day of the range ending today, counting each event by its start and trigger. */
export function timelineDays(
  events: readonly Pick<RollbackEvent, "startedAt" | "trigger">[],
  range: TimelineRange,
  nowMs: number,
): TimelineDay[] {
  const today = Math.floor(nowMs / DAY_MS) * DAY_MS;
  const first = today - (TIMELINE_RANGES[range] - 1) * DAY_MS;
  const days: TimelineDay[] = [];
  for (let day = first; day <= today; day += DAY_MS) days.push({ day, alarm: 0, manual: 0 });
  for (const e of events) {
    const day = Math.floor(Date.parse(e.startedAt) / DAY_MS) * DAY_MS;
    const bucket = days[(day - first) / DAY_MS];
    if (bucket) bucket[e.trigger === "alarm" ? "alarm" : "manual"] += 1;
  }
  return days;
}

/** The range's first instant (UTC day start), epoch ms. */
export function rangeStartMs(range: TimelineRange, nowMs: number): number {
  return Math.floor(nowMs / DAY_MS) * DAY_MS - (TIMELINE_RANGES[range] - 1) * DAY_MS;
}

/** The Endpoints page's metrics around an event: ±30 minutes of its start. */
export function metricsLinkAround(startedAt: string): string {
  const t = Date.parse(startedAt);
  const params = new URLSearchParams({ from: new Date(t - 30 * 60_000).toISOString(), to: new Date(t + 30 * 60_000).toISOString() });
  return `/endpoints?${params.toString()}`;
}

/** The audit log filtered to the event's day and the rollback actions (the Audit page filters by action prefix and UTC day). */
export function auditLinkFor(event: Pick<RollbackEvent, "startedAt">): string {
  const day = new Date(event.startedAt).toISOString().slice(0, 10);
  return `/audit?${new URLSearchParams({ action: ROLLBACK_AUDIT_ACTION, from: day, to: day }).toString()}`;
}

/** The audit action prefix rollbacks are recorded under (endpoint.rollback, endpoint.rollback_failed). */
export const ROLLBACK_AUDIT_ACTION = "endpoint.rollback";
