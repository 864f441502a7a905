import { decisionSamples, type DecisionSample } from "./decision-metrics";
import { recordMetrics } from "./publish-metrics";

/** Records one scoring decision's metrics in this process's aggregator (sent by publish-metrics.ts). */
export function recordDecision(sample: DecisionSample): void {
  recordMetrics(decisionSamples(sample));
}
