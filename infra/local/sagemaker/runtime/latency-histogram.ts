/**
 * Latencies kept as (count, sum) per log-spaced bucket (about 4 % wide), so memory stays bounded
 * however many calls a flush window sees. PutMetricData's Values/Counts (at most 150 distinct values
 * per datum, and exclusive of StatisticValues) carry the distribution: each bucket is sent as the
 * mean of its values, so SampleCount and Sum stay exact and percentiles are within a bucket's width.
 */
const MAX_DISTINCT_VALUES = 150;
const BASE_RATIO = 1.04;

interface Bucket {
  count: number;
  sum: number;
}

export class LatencyHistogram {
  private buckets = new Map<number, Bucket>();
  count = 0;

  add(value: number): void {
    this.count++;
    const key = bucketOf(value, BASE_RATIO);
    const bucket = this.buckets.get(key);
    if (bucket) {
      bucket.count++;
      bucket.sum += value;
    } else {
      this.buckets.set(key, { count: 1, sum: value });
    }
  }

  /** Values and counts for PutMetricData, coarsened until they fit the API's limit. */
  valuesAndCounts(): { values: number[]; counts: number[] } {
    let buckets = this.buckets;
    for (let ratio = BASE_RATIO * BASE_RATIO; buckets.size > MAX_DISTINCT_VALUES; ratio *= ratio) {
      const coarser = new Map<number, Bucket>();
      for (const bucket of buckets.values()) {
        const key = bucketOf(bucket.sum / bucket.count, ratio);
        const into = coarser.get(key);
        if (into) {
          into.count += bucket.count;
          into.sum += bucket.sum;
        } else {
          coarser.set(key, { ...bucket });
        }
      }
      buckets = coarser;
    }
    const all = [...buckets.values()];
    return { values: all.map((b) => b.sum / b.count), counts: all.map((b) => b.count) };
  }
}

function bucketOf(value: number, ratio: number): number {
  if (value <= 1) return 0;
  return Math.round(Math.log(value) / Math.log(ratio));
}
