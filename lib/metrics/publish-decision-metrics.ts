import { PutMetricDataCommand, type CloudWatchClient, type MetricDatum } from "@aws-sdk/client-cloudwatch";
import { cloudWatchClient } from "@/lib/aws/clients";
import { env } from "@/lib/env";
import { createDecisionMetrics, type DecisionSample } from "./decision-metrics";

/**
 * The live aggregator of this console instance and its flusher: PutMetricData every FLUSH_INTERVAL_MS
 * off the hot path (an unref'd timer: it never keeps a process alive). A failed flush is logged and
 * its datums dropped: metrics are best effort and must never slow or fail a scoring request.
 */
export const FLUSH_INTERVAL_MS = 10_000;
/** PutMetricData takes up to 1,000 datums and 1 MB; 200 datums with latency lists stay far below. */
const DATUMS_PER_CALL = 200;

const metrics = createDecisionMetrics();
let timer: ReturnType<typeof setInterval> | undefined;

export function recordDecision(sample: DecisionSample): void {
  metrics.record(sample);
  startFlushing();
}

/** A scoring request answered with a 5xx: counted against the tenant's SLO (lib/error-budget). */
export function recordScoringError(error: { tenantId: string; at: number }): void {
  metrics.recordError(error);
  startFlushing();
}

function startFlushing(): void {
  timer ??= setInterval(() => void flushDecisionMetrics(), FLUSH_INTERVAL_MS).unref();
}

/** Sends what was recorded since the last flush (also called by tests and at shutdown). */
export async function flushDecisionMetrics(client: Pick<CloudWatchClient, "send"> = cloudWatchClient()): Promise<void> {
  const datums = metrics.drain();
  for (let i = 0; i < datums.length; i += DATUMS_PER_CALL) await putBestEffort(client, datums.slice(i, i + DATUMS_PER_CALL));
}

async function putBestEffort(client: Pick<CloudWatchClient, "send">, datums: MetricDatum[]): Promise<void> {
  try {
    await client.send(new PutMetricDataCommand({ Namespace: env().METRICS_NAMESPACE, MetricData: datums }));
  } catch (error) {
    console.warn(`decision metrics not published (${datums.length} datums dropped): ${(error as Error).name}: ${(error as Error).message}`);
  }
}
