import { Distribution } from "./distribution";

export interface StatisticSet {
  sampleCount: number;
  sum: number;
  min: number;
  max: number;
}

/**
 * Everything CloudWatch can answer about one metric in one time slot: exact SampleCount, Sum,
 * Minimum, Maximum, and a value distribution for percentiles.
 */
export class Bucket {
  n = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;
  dist = new Distribution();

  addValue(value: number, count = 1): void {
    if (count <= 0) return;
    this.n += count;
    this.sum += value * count;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    this.dist.add(value, count);
  }

  /**
   * Statistic sets carry no raw values, so percentiles are approximated: the set becomes five
   * weighted points at min, mid(min, mean), mean, mid(mean, max), max. Exact when min = max
   * (which covers SampleCount 1), the case AWS itself can answer; other sets err towards the extremes.
   */
  addStatisticSet(set: StatisticSet): void {
    if (set.sampleCount <= 0) return;
    this.n += set.sampleCount;
    this.sum += set.sum;
    this.min = Math.min(this.min, set.min);
    this.max = Math.max(this.max, set.max);
    if (set.min === set.max) {
      this.dist.add(set.min, set.sampleCount);
      return;
    }
    const mean = Math.min(set.max, Math.max(set.min, set.sum / set.sampleCount));
    const points = [set.min, (set.min + mean) / 2, mean, (mean + set.max) / 2, set.max];
    for (const p of points) this.dist.add(p, set.sampleCount / points.length);
  }

  merge(other: Bucket, withDistribution = true): void {
    this.n += other.n;
    this.sum += other.sum;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
    if (withDistribution) this.dist.merge(other.dist);
  }

  toJSON(): [number, number, number, number, ReturnType<Distribution["toJSON"]>] {
    return [this.n, this.sum, this.min, this.max, this.dist.toJSON()];
  }

  static fromJSON([n, sum, min, max, dist]: ReturnType<Bucket["toJSON"]>): Bucket {
    const b = new Bucket();
    Object.assign(b, { n, sum, min, max, dist: Distribution.fromJSON(dist) });
    return b;
  }
}
