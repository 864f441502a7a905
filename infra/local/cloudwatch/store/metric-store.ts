import { Bucket } from "./bucket";
import { bucketStart, type DatumRecord } from "./datum";
import { metricKey, type MetricIdentity } from "./metric-id";

/** CloudWatch keeps 1-minute data for 15 days; high-resolution (1 s) data for 3 hours. */
export const RETENTION_MS = 15 * 24 * 3600 * 1000;
export const HIGH_RESOLUTION_MS = 3 * 3600 * 1000;

export interface Series {
  id: MetricIdentity;
  key: string;
  /** unit → bucket start (epoch seconds) → bucket. Units are kept apart because queries can filter by Unit. */
  streams: Map<string, Map<number, Bucket>>;
  lastUpdateMs: number;
}

export interface RangeQuery {
  /** Undefined = every unit. */
  unit?: string | undefined;
  /** Aligned first period start, epoch seconds (inclusive). */
  fromSec: number;
  /** End, epoch seconds (exclusive). */
  toSec: number;
  period: number;
  withDistribution: boolean;
}

/**
 * In-memory metric data, the single source both the API handlers and (later) the alarm evaluator
 * read through `aggregate`. Persistence lives outside: this class never touches the disk.
 */
export class MetricStore {
  private readonly series = new Map<string, Series>();

  addDatum(record: DatumRecord): void {
    const bucket = this.bucketFor(record.id, record.unit, bucketStart(record.timestamp, record.resolution), record.timestamp);
    if (record.statistics) bucket.addStatisticSet(record.statistics);
    for (const [i, value] of (record.values ?? []).entries()) bucket.addValue(value, record.counts?.[i] ?? 1);
  }

  mergeBucket(id: MetricIdentity, unit: string, startSec: number, bucket: Bucket, lastUpdateMs: number): void {
    this.bucketFor(id, unit, startSec, lastUpdateMs).merge(bucket);
  }

  get(id: MetricIdentity): Series | undefined {
    return this.series.get(metricKey(id));
  }

  all(): IterableIterator<Series> {
    return this.series.values();
  }

  get size(): number {
    return this.series.size;
  }

  /** Buckets of one metric folded into periods; keys are period starts (epoch seconds). */
  aggregate(id: MetricIdentity, q: RangeQuery): Map<number, Bucket> {
    const periods = new Map<number, Bucket>();
    const series = this.get(id);
    if (!series) return periods;
    for (const [unit, buckets] of series.streams) {
      if (q.unit !== undefined && unit !== q.unit) continue;
      for (const [start, bucket] of buckets) {
        if (start < q.fromSec || start >= q.toSec) continue;
        const periodStart = q.fromSec + Math.floor((start - q.fromSec) / q.period) * q.period;
        let target = periods.get(periodStart);
        if (!target) periods.set(periodStart, (target = new Bucket()));
        target.merge(bucket, q.withDistribution);
      }
    }
    return periods;
  }

  /** Units present for a metric in a range (GetMetricStatistics reports one per datapoint). */
  unitsOf(id: MetricIdentity): string[] {
    return [...(this.get(id)?.streams.keys() ?? [])];
  }

  /** Drops data past retention and folds high-resolution buckets older than 3 hours into minutes. */
  maintain(nowMs: number): void {
    const cutoffSec = Math.floor((nowMs - RETENTION_MS) / 1000);
    const highResCutoffSec = Math.floor((nowMs - HIGH_RESOLUTION_MS) / 1000);
    for (const [key, series] of this.series) {
      for (const [unit, buckets] of series.streams) {
        for (const [start, bucket] of buckets) {
          if (start < cutoffSec) buckets.delete(start);
          else if (start % 60 !== 0 && start < highResCutoffSec) {
            buckets.delete(start);
            const minute = start - (start % 60);
            const target = buckets.get(minute);
            if (target) target.merge(bucket);
            else buckets.set(minute, bucket);
          }
        }
        if (buckets.size === 0) series.streams.delete(unit);
      }
      if (series.streams.size === 0) this.series.delete(key);
    }
  }

  private bucketFor(id: MetricIdentity, unit: string, startSec: number, updateMs: number): Bucket {
    const key = metricKey(id);
    let series = this.series.get(key);
    if (!series) this.series.set(key, (series = { id, key, streams: new Map(), lastUpdateMs: 0 }));
    series.lastUpdateMs = Math.max(series.lastUpdateMs, updateMs);
    let buckets = series.streams.get(unit);
    if (!buckets) series.streams.set(unit, (buckets = new Map<number, Bucket>()));
    let bucket = buckets.get(startSec);
    if (!bucket) buckets.set(startSec, (bucket = new Bucket()));
    return bucket;
  }
}
