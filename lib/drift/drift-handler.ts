import { driftDeps } from "./drift-deps";
import { runScheduledDrift, type ScheduledDriftResult } from "./run-scheduled-drift";

/** What EventBridge passes a scheduled Lambda (the fields we read of a "Scheduled Event"). */
export interface ScheduledEvent {
  time?: string;
}

/**
 * The drift Lambda: an EventBridge rule (infra/aws, hourly) and the local scheduler
 * (infra/local/functions) invoke this module with a scheduled event; each tick runs every tenant's
 * endpoint over the trailing day ending at the tick's hour (runScheduledDrift), the same
 * runAndRecordDrift the "Run now" button calls.
 */
export async function handler(event: ScheduledEvent = {}): Promise<ScheduledDriftResult> {
  const at = event.time ? new Date(event.time) : new Date();
  if (Number.isNaN(at.getTime())) throw new Error(`drift handler: the event's time ${event.time} is not a date`);
  return runScheduledDrift({ at }, driftDeps());
}
