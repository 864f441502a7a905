import { z } from "zod";
import { driftDeps } from "./drift-deps";
import { runScheduledDrift, type ScheduledDriftResult } from "./run-scheduled-drift";

/** What EventBridge passes a scheduled Lambda (the field we read of a "Scheduled Event"); anything else is now. */
const scheduledEventSchema = z.object({ time: z.iso.datetime({ offset: true }).optional() }).catch({});

/**
 * The drift Lambda: an EventBridge rule (infra/aws, hourly) and the local scheduler
 * (infra/local/functions) invoke this module with a scheduled event; each tick runs every tenant's
 * endpoint over the trailing day ending at the tick's hour (runScheduledDrift), the same
 * runAndRecordDrift the "Run now" button calls.
 */
export async function handler(event: unknown): Promise<ScheduledDriftResult> {
  const { time } = scheduledEventSchema.parse(event ?? {});
  return runScheduledDrift({ at: time ? new Date(time) : new Date() }, driftDeps());
}
