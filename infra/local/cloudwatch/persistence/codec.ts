import { Bucket } from "../store/bucket";
import type { DatumRecord } from "../store/datum";
import { metricIdentity, type MetricIdentity } from "../store/metric-id";

/**
 * Line formats on disk, kept compact (positional arrays) because the write-ahead log takes every
 * datum: [namespace, metric, [dimName, dimValue, ...], ...rest].
 */
type IdTuple = [string, string, string[]];

function encodeId(id: MetricIdentity): IdTuple {
  return [id.namespace, id.metricName, id.dimensions.flatMap((d) => [d.Name, d.Value])];
}

function decodeId([namespace, metricName, flat]: IdTuple): MetricIdentity {
  const dimensions = [];
  for (let i = 0; i + 1 < flat.length; i += 2) dimensions.push({ Name: flat[i]!, Value: flat[i + 1]! });
  return metricIdentity(namespace, metricName, dimensions);
}

type DatumLine = [...IdTuple, number, string, 1 | 60, number[] | null, number[] | null, [number, number, number, number] | null];

export function encodeDatum(d: DatumRecord): string {
  const stats = d.statistics
    ? ([d.statistics.sampleCount, d.statistics.sum, d.statistics.min, d.statistics.max] as [number, number, number, number])
    : null;
  const line: DatumLine = [...encodeId(d.id), d.timestamp, d.unit, d.resolution, d.values ?? null, d.counts ?? null, stats];
  return JSON.stringify(line);
}

export function decodeDatum(text: string): DatumRecord {
  const [ns, name, dims, timestamp, unit, resolution, values, counts, stats] = JSON.parse(text) as DatumLine;
  const record: DatumRecord = { id: decodeId([ns, name, dims]), timestamp, unit, resolution };
  if (values) record.values = values;
  if (counts) record.counts = counts;
  if (stats) record.statistics = { sampleCount: stats[0], sum: stats[1], min: stats[2], max: stats[3] };
  return record;
}

export interface BucketEntry {
  id: MetricIdentity;
  unit: string;
  startSec: number;
  lastUpdateMs: number;
  bucket: Bucket;
}

type BucketLine = [...IdTuple, string, number, number, ReturnType<Bucket["toJSON"]>];

export function encodeBucket(e: BucketEntry): string {
  const line: BucketLine = [...encodeId(e.id), e.unit, e.startSec, e.lastUpdateMs, e.bucket.toJSON()];
  return JSON.stringify(line);
}

export function decodeBucket(text: string): BucketEntry {
  const [ns, name, dims, unit, startSec, lastUpdateMs, bucket] = JSON.parse(text) as BucketLine;
  return { id: decodeId([ns, name, dims]), unit, startSec, lastUpdateMs, bucket: Bucket.fromJSON(bucket) };
}
