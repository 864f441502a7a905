import { PutMetricDataCommand, type MetricDatum } from "@aws-sdk/client-cloudwatch";
import { cloudWatchClient } from "@/lib/aws/clients";

const NAMESPACE = "AWS/SageMaker";
// PutMetricData takes at most 1000 datums per call and 150 distinct values per datum.
const MAX_DATUMS_PER_CALL = 1000;
const MAX_VALUES_PER_DATUM = 150;

/**
 * One variant's requests in the current flush window, kept as the per-request values SageMaker
 * publishes (SageMaker developer guide, monitoring-cloudwatch, "Endpoint invocation metrics"):
 *  - Invocations: 1 per request (Sum = requests, SampleCount = requests);
 *  - Invocation4XXErrors / Invocation5XXErrors: 1 for such a response, else 0 (Average = error rate);
 *  - InvocationsPerInstance: 1/instanceCount per request;
 *  - ModelLatency / OverheadLatency: each request's latency in whole microseconds.
 * Sent as Values/Counts (value → how many requests had it), so CloudWatch's Sum, Average,
 * SampleCount, Minimum, Maximum and percentiles all mean what they mean on AWS.
 */
export class VariantMetrics {
  invocations = 0;
  errors4xx = 0;
  errors5xx = 0;
  modelLatency = new Map<number, number>();
  overheadLatency = new Map<number, number>();

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
    countValue(this.modelLatency, Math.round(modelMicros));
    countValue(this.overheadLatency, Math.round(overheadMicros));
  }

  /** Hands the window's data over and starts a fresh one. */
  drain(timestamp: Date): MetricDatum[] {
    const n = this.invocations;
    if (n === 0) return [];
    const dimensions = [
      { Name: "EndpointName", Value: this.endpointName },
      { Name: "VariantName", Value: this.variantName },
    ];
    const datums = (name: string, unit: "None" | "Microseconds", values: ReadonlyMap<number, number>): MetricDatum[] => {
      const pairs = [...values].filter(([, count]) => count > 0);
      const out: MetricDatum[] = [];
      for (let i = 0; i < pairs.length; i += MAX_VALUES_PER_DATUM) {
        const part = pairs.slice(i, i + MAX_VALUES_PER_DATUM);
        out.push({
          MetricName: name,
          Dimensions: dimensions,
          Timestamp: timestamp,
          Unit: unit,
          // High resolution, so 10-second alarms (tests, the demo) see each period; minute statistics are unchanged.
          StorageResolution: 1,
          Values: part.map(([v]) => v),
          Counts: part.map(([, c]) => c),
        });
      }
      return out;
    };
    const zeroOne = (ones: number) =>
      new Map([
        [0, n - ones],
        [1, ones],
      ]);
    const data = [
      ...datums("Invocations", "None", new Map([[1, n]])),
      ...datums("Invocation4XXErrors", "None", zeroOne(this.errors4xx)),
      ...datums("Invocation5XXErrors", "None", zeroOne(this.errors5xx)),
      ...datums("InvocationsPerInstance", "None", new Map([[1 / Math.max(1, this.instanceCount), n]])),
      ...datums("ModelLatency", "Microseconds", this.modelLatency),
      ...datums("OverheadLatency", "Microseconds", this.overheadLatency),
    ];
    this.invocations = this.errors4xx = this.errors5xx = 0;
    this.modelLatency = new Map();
    this.overheadLatency = new Map();
    return data;
  }
}

function countValue(values: Map<number, number>, value: number): void {
  values.set(value, (values.get(value) ?? 0) + 1);
}

/**
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
