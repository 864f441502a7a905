import { randomUUID } from "node:crypto";
import type { ScheduleDefinition } from "./types";

const UNITS: Record<string, number> = {
  minute: 60_000,
  minutes: 60_000,
  hour: 3_600_000,
  hours: 3_600_000,
  day: 86_400_000,
  days: 86_400_000,
};

/**
 * EventBridge's rate expression: `rate(value unit)`, value a positive integer, unit minute | hour |
 * day, singular for 1 and plural otherwise (EventBridge user guide, "Rate expressions"). Anything else
 * (cron, seconds) is refused when the host starts, not at the first run.
 */
export function parseRate(expression: string): number {
  const match = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
  const value = Number(match?.[1]);
  const unit = match?.[2];
  if (!match || !unit || !Number.isInteger(value) || value < 1 || (value === 1) !== !unit.endsWith("s")) {
    throw new Error(`Schedule expression ${JSON.stringify(expression)}: expected rate(N minute|minutes|hour|hours|day|days)`);
  }
  return value * UNITS[unit]!;
}

/** The event EventBridge sends a scheduled rule's target. */
export function scheduledEvent(schedule: ScheduleDefinition, atMs: number, region: string, account: string) {
  return {
    version: "0",
    id: randomUUID(),
    "detail-type": "Scheduled Event",
    source: "aws.events",
    account,
    time: new Date(atMs).toISOString().replace(/\.\d{3}Z$/, "Z"),
    region,
    resources: [`arn:aws:events:${region}:${account}:rule/${schedule.name}`],
    detail: {},
  };
}

/**
 * Fires each schedule every `rate` from when the scheduler starts (as a new EventBridge rule does).
 * `due(now)` is the pure part tests drive with their own clock; `start` runs it on a timer.
 */
export class Scheduler {
  private readonly next = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly schedules: ReadonlyArray<ScheduleDefinition>,
    private readonly fire: (schedule: ScheduleDefinition, atMs: number) => void,
    startMs: number,
  ) {
    for (const s of schedules) this.next.set(s.name, startMs + parseRate(s.expression));
  }

  /** The schedules due at `nowMs`; each is moved to its next time. */
  due(nowMs: number): ScheduleDefinition[] {
    const due: ScheduleDefinition[] = [];
    for (const s of this.schedules) {
      const at = this.next.get(s.name)!;
      if (at > nowMs) continue;
      const rate = parseRate(s.expression);
      // A long pause (a suspended laptop) fires once, not once per missed interval.
      this.next.set(s.name, at + Math.ceil((nowMs - at + 1) / rate) * rate);
      due.push(s);
    }
    return due;
  }

  start(now: () => number = Date.now, everyMs = 1000): void {
    this.timer ??= setInterval(() => {
      const at = now();
      for (const s of this.due(at)) this.fire(s, at);
    }, everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
