import { PutMetricDataCommand, type CloudWatchClient, type MetricDatum } from "@aws-sdk/client-cloudwatch";
import { cloudWatchClient } from "@/lib/aws/clients";
import { env } from "@/lib/env";
import { createMetricAggregator, type MetricSample } from "./metric-aggregator";

/**
 * This process's aggregator of the console's own metrics (scoring decisions, queue changes,
 * verdicts) and its flusher: PutMetricData every FLUSH_INTERVAL_MS off the hot path (an unref'd
 * timer: it never keeps a process alive), just after each 10-second boundary of the clock, so a
 * 10 s period's high-resolution data (metric-aggregator.ts) is in CloudWatch within a fraction of a
 * second of the period's end, before a 10 s alarm reads it, and not up to a whole interval later. A failed flush is logged and its datums dropped: metrics
 * are best effort and must never slow or fail a scoring request or a verdict. Scripts that record
 * metrics (the seed) call flushMetrics() before they exit.
 */
export const FLUSH_INTERVAL_MS = 10_000;
/** After the boundary, so the samples of the period that just ended are in this flush. */
const FLUSH_AFTER_BOUNDARY_MS = 200;
/** PutMetricData takes up to 1,000 datums and 1 MB; 200 datums with value lists stay far below. */
const DATUMS_PER_CALL = 200;

const aggregator = createMetricAggregator();
let timer: ReturnType<typeof setTimeout> | undefined;

export function recordMetrics(samples: readonly MetricSample[]): void {
  for (const sample of samples) aggregator.record(sample);
  if (!timer) scheduleFlush();
}

function scheduleFlush(): void {
  const wait = FLUSH_INTERVAL_MS - (Date.now() % FLUSH_INTERVAL_MS) + FLUSH_AFTER_BOUNDARY_MS;
  timer = setTimeout(() => {
    scheduleFlush();
    void flushMetrics();
  }, wait).unref();
}

/** Sends what was recorded since the last flush (also called by tests, scripts and at shutdown). */
export async function flushMetrics(client: Pick<CloudWatchClient, "send"> = cloudWatchClient()): Promise<void> {
  const datums = aggregator.drain();
  for (let i = 0; i < datums.length; i += DATUMS_PER_CALL) await putBestEffort(client, datums.slice(i, i + DATUMS_PER_CALL));
}

async function putBestEffort(client: Pick<CloudWatchClient, "send">, datums: MetricDatum[]): Promise<void> {
  try {
    await client.send(new PutMetricDataCommand({ Namespace: env().METRICS_NAMESPACE, MetricData: datums }));
  } catch (error) {
    console.warn(`console metrics not published (${datums.length} datums dropped): ${(error as Error).name}: ${(error as Error).message}`);
  }
}
