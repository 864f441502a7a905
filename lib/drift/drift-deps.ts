import { notifyRetraining } from "@/lib/notifications/notify-retraining";
import { fromDriftResult } from "./from-drift-result";
import type { RunAndRecordDeps } from "./run-and-record-drift";
import { runDriftJob } from "./run-drift-job";

/**
 * What the console, the drift Lambda and the local scheduler run drift with: drift-core's
 * streaming job (adapted to the judged run's shape) and the tenant's notification channels for the
 * retraining recommendation (sent once per episode).
 */
export function driftDeps(): RunAndRecordDeps {
  return { runJob: async (input) => fromDriftResult(await runDriftJob(input)), notify: (event) => notifyRetraining(event) };
}
