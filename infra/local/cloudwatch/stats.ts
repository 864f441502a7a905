import type { Bucket } from "./store/bucket";

export type Statistic =
  { kind: "Sum" | "Average" | "Minimum" | "Maximum" | "SampleCount"; name: string } | { kind: "percentile"; name: string; p: number };

const SIMPLE = new Set(["Sum", "Average", "Minimum", "Maximum", "SampleCount"]);
const PERCENTILE = /^p(\d{1,2}(?:\.\d{1,10})?|100(?:\.0{1,10})?)$/;

/** Parses Sum | Average | Minimum | Maximum | SampleCount | pNN | pNN.NN; undefined if unsupported. */
export function parseStatistic(name: string): Statistic | undefined {
  if (SIMPLE.has(name)) return { kind: name as "Sum", name };
  const match = PERCENTILE.exec(name);
  if (match?.[1] !== undefined) return { kind: "percentile", name, p: Number(match[1]) };
  return undefined;
}

export function needsDistribution(stats: ReadonlyArray<Statistic>): boolean {
  return stats.some((s) => s.kind === "percentile");
}

export function computeStatistic(bucket: Bucket, stat: Statistic): number | undefined {
  if (bucket.n <= 0) return undefined;
  switch (stat.kind) {
    case "Sum":
      return bucket.sum;
    case "Average":
      return bucket.sum / bucket.n;
    case "Minimum":
      return bucket.min;
    case "Maximum":
      return bucket.max;
    case "SampleCount":
      return bucket.n;
    case "percentile":
      return bucket.dist.percentile(stat.p);
  }
}
