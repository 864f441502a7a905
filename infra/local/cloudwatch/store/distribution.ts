/**
 * The values seen in one time bucket, as value → count, for percentiles. Exact while a bucket holds
 * few distinct values; past EXACT_LIMIT it switches to log-spaced bins (the DDSketch idea) with
 * relative error under 1%, which bounds memory for busy latency metrics kept for 15 days.
 */
const EXACT_LIMIT = 256;
const GAMMA = 1.02;
const LOG_GAMMA = Math.log(GAMMA);

function quantize(value: number): number {
  if (value === 0) return 0;
  const magnitude = Math.abs(value);
  const index = Math.ceil(Math.log(magnitude) / LOG_GAMMA);
  // The bin (γ^(i-1), γ^i] is represented by the point with equal relative error to both ends.
  return Math.sign(value) * ((2 * GAMMA ** index) / (GAMMA + 1));
}

export class Distribution {
  private counts = new Map<number, number>();
  private quantized = false;

  get isExact(): boolean {
    return !this.quantized;
  }

  get size(): number {
    return this.counts.size;
  }

  add(value: number, count: number): void {
    const key = this.quantized ? quantize(value) : value;
    this.counts.set(key, (this.counts.get(key) ?? 0) + count);
    if (!this.quantized && this.counts.size > EXACT_LIMIT) this.quantizeAll();
  }

  merge(other: Distribution): void {
    if (other.quantized && !this.quantized) this.quantizeAll();
    for (const [value, count] of other.counts) this.add(value, count);
  }

  /** Nearest-rank percentile over weighted values (always an observed value, as CloudWatch reports). */
  percentile(p: number): number | undefined {
    const values = [...this.counts.keys()].sort((a, b) => a - b);
    if (values.length === 0) return undefined;
    let total = 0;
    for (const v of values) total += this.counts.get(v) ?? 0;
    const target = (p / 100) * total;
    let cumulative = 0;
    for (const v of values) {
      cumulative += this.counts.get(v) ?? 0;
      // Relative epsilon: weights can be fractional (statistic sets, Counts).
      if (cumulative >= target - total * 1e-12) return v;
    }
    return values[values.length - 1];
  }

  toJSON(): [number, number[]] {
    const flat: number[] = [];
    for (const [value, count] of this.counts) flat.push(value, count);
    return [this.quantized ? 1 : 0, flat];
  }

  static fromJSON([quantized, flat]: [number, number[]]): Distribution {
    const d = new Distribution();
    d.quantized = quantized === 1;
    for (let i = 0; i + 1 < flat.length; i += 2) d.counts.set(flat[i]!, flat[i + 1]!);
    return d;
  }

  private quantizeAll(): void {
    const old = this.counts;
    this.counts = new Map();
    this.quantized = true;
    for (const [value, count] of old) this.add(value, count);
  }
}
