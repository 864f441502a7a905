import { decisionSamples, errorSamples, type DecisionSample } from "./decision-metrics";
import { recordMetrics } from "./publish-metrics";

/** Records one scoring decision's metrics in this process's aggregator (sent by publish-metrics.ts). */
export function recordDecision(sample: DecisionSample): void {
  recordMetrics(decisionSamples(sample));
}

/** A scoring request answered with a 5xx: counted against the tenant's SLO (lib/error-budget). */
export function recordScoringError(error: { tenantId: string; at: number }): void {
  recordMetrics(errorSamples(error));
}
