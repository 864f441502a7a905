import { PutMetricDataCommand, type MetricDatum } from "@aws-sdk/client-cloudwatch";
import { cloudWatchClient } from "@/lib/aws/clients";
import { LatencyHistogram } from "./latency-histogram";

const NAMESPACE = "AWS/SageMaker";
// PutMetricData takes at most 1000 datums per call.
const MAX_DATUMS_PER_CALL = 1000;

/** One variant's counters for the current flush window. */
export class VariantMetrics {
  invocations = 0;
  errors4xx = 0;
  errors5xx = 0;
  modelLatency = new LatencyHistogram();
  overheadLatency = new LatencyHistogram();

  constructor(
    readonly endpointName: string,
    readonly variantName: string,
    public instanceCount: number,
  ) {}

  /** Latencies in microseconds, as SageMaker reports them; status is the HTTP status answered. */
  record(status: number, modelMicros: number, overheadMicros: number): void {
    this.invocations++;
    if (status >= 500) this.errors5xx++;
    else if (status >= 400) this.errors4xx++;
    this.modelLatency.add(modelMicros);
    this.overheadLatency.add(overheadMicros);
  }

  /** Hands the window's data over and starts a fresh one. */
  drain(timestamp: Date): MetricDatum[] {
    if (this.invocations === 0) return [];
    const dimensions = [
      { Name: "EndpointName", Value: this.endpointName },
      { Name: "VariantName", Value: this.variantName },
    ];
    const count = (name: string, value: number): MetricDatum => ({
      MetricName: name,
      Dimensions: dimensions,
      Timestamp: timestamp,
      Unit: "None",
      StatisticValues: { SampleCount: 1, Sum: value, Minimum: value, Maximum: value },
    });
    const latency = (name: string, histogram: LatencyHistogram): MetricDatum => {
      const { values, counts } = histogram.valuesAndCounts();
      return {
        MetricName: name,
        Dimensions: dimensions,
        Timestamp: timestamp,
        Unit: "Microseconds",
        Values: values,
        Counts: counts,
      };
    };
    const data = [
      count("Invocations", this.invocations),
      count("Invocation4XXErrors", this.errors4xx),
      count("Invocation5XXErrors", this.errors5xx),
      count("InvocationsPerInstance", this.invocations / Math.max(1, this.instanceCount)),
      latency("ModelLatency", this.modelLatency),
      latency("OverheadLatency", this.overheadLatency),
    ];
    this.invocations = this.errors4xx = this.errors5xx = 0;
    this.modelLatency = new LatencyHistogram();
    this.overheadLatency = new LatencyHistogram();
    return data;
  }
}

/**
 * Counts go as StatisticValues, latencies as Values/Counts (CloudWatch refuses both in one datum) so
 * that percentile statistics work on them.
 * Per-variant metrics aggregated in memory and published with PutMetricData every flush. A failed
 * publish is logged and that window's data dropped: metrics must never slow or break invocations.
 */
export class MetricsAggregator {
  private readonly variants = new Map<string, VariantMetrics>();

  variant(endpointName: string, variantName: string, instanceCount: number): VariantMetrics {
    const key = `${endpointName}\u0000${variantName}`;
    let metrics = this.variants.get(key);
    if (!metrics) this.variants.set(key, (metrics = new VariantMetrics(endpointName, variantName, instanceCount)));
    metrics.instanceCount = instanceCount;
    return metrics;
  }

  async flush(now = new Date()): Promise<void> {
    const data = [...this.variants.values()].flatMap((v) => v.drain(now));
    for (let i = 0; i < data.length; i += MAX_DATUMS_PER_CALL) {
      try {
        await cloudWatchClient().send(
          new PutMetricDataCommand({ Namespace: NAMESPACE, MetricData: data.slice(i, i + MAX_DATUMS_PER_CALL) }),
        );
      } catch (error) {
        console.error(`sagemaker emulator: could not publish metrics: ${(error as Error).name}: ${(error as Error).message}`);
        return;
      }
    }
  }
}
