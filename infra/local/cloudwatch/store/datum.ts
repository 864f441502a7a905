import type { MetricIdentity } from "./metric-id";
import type { StatisticSet } from "./bucket";

/** One accepted PutMetricData datum, normalised. This is also the write-ahead log's line format. */
export interface DatumRecord {
  id: MetricIdentity;
  /** Epoch milliseconds. */
  timestamp: number;
  unit: string;
  /** 1 (high resolution) or 60 (standard). */
  resolution: 1 | 60;
  values?: number[];
  counts?: number[];
  statistics?: StatisticSet;
}

/** Start (epoch seconds) of the storage bucket a datum lands in. */
export function bucketStart(timestampMs: number, resolution: 1 | 60): number {
  const seconds = Math.floor(timestampMs / 1000);
  return resolution === 1 ? seconds : seconds - (((seconds % 60) + 60) % 60);
}
