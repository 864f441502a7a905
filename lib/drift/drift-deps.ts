import { fromDriftResult } from "./from-drift-result";
import type { RunAndRecordDeps } from "./run-and-record-drift";
import { runDriftJob } from "./run-drift-job";

/**
 * What the console, the drift Lambda and the local scheduler run drift with: drift-core's
 * streaming job (adapted to the judged run's shape) and, once a tenant has channels, its
 * notifications for the retraining recommendation.
 */
export function driftDeps(): RunAndRecordDeps {
  return { runJob: async (input) => fromDriftResult(await runDriftJob(input)) };
}
