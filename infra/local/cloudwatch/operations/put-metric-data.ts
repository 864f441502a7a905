import { z } from "zod";
import { invalidParameterCombination, invalidParameterValue, missingParameter } from "../errors";
import type { DatumRecord } from "../store/datum";
import { metricIdentity } from "../store/metric-id";
import { UNITS } from "../units";
import { dimensionSchema, parseRequest, wireDouble, wireTimestamp } from "../wire";
import type { OperationContext } from "./context";

const TWO_HOURS_MS = 2 * 3600 * 1000;
const TWO_WEEKS_MS = 14 * 24 * 3600 * 1000;

const datumSchema = z.object({
  MetricName: z.string().min(1).max(255),
  Dimensions: z.array(dimensionSchema).max(30).optional(),
  Timestamp: wireTimestamp.optional(),
  Value: wireDouble.optional(),
  StatisticValues: z.object({ SampleCount: wireDouble, Sum: wireDouble, Minimum: wireDouble, Maximum: wireDouble }).optional(),
  Values: z.array(wireDouble).max(150).optional(),
  Counts: z.array(wireDouble).max(150).optional(),
  Unit: z.enum(UNITS).optional(),
  StorageResolution: z.number().int().optional(),
});

const requestSchema = z.object({
  // Deviation from AWS: the "AWS/" prefix is reserved there, but our own SageMaker emulator
  // publishes the AWS/SageMaker endpoint metrics through this call, so it is accepted here.
  Namespace: z.string().min(1).max(255),
  MetricData: z.array(datumSchema).min(1).max(1000),
});

type Datum = z.output<typeof datumSchema>;

export function putMetricData(ctx: OperationContext, body: unknown): Record<string, never> {
  const request = parseRequest(requestSchema, body);
  if (request.Namespace.startsWith(":")) throw invalidParameterValue("The parameter Namespace must not start with ':'.");
  const now = ctx.now();
  // Validate every datum before recording any: a rejected request stores nothing, as on AWS.
  const records = request.MetricData.map((d, i) => toRecord(request.Namespace, d, `MetricData.member.${i + 1}`, now));
  for (const record of records) ctx.record(record);
  return {};
}

function toRecord(namespace: string, d: Datum, at: string, now: number): DatumRecord {
  const names = new Set((d.Dimensions ?? []).map((dim) => dim.Name));
  if (names.size !== (d.Dimensions ?? []).length)
    throw invalidParameterValue(`The parameter ${at}.Dimensions must not contain duplicate names.`);
  const timestamp = d.Timestamp ?? now;
  if (timestamp > now + TWO_HOURS_MS)
    throw invalidParameterValue(`The parameter ${at}.Timestamp must specify a time no more than two hours in the future.`);
  if (timestamp < now - TWO_WEEKS_MS)
    throw invalidParameterValue(`The parameter ${at}.Timestamp must specify a time no more than two weeks in the past.`);
  const resolution = d.StorageResolution ?? 60;
  if (resolution !== 1 && resolution !== 60) throw invalidParameterValue(`The parameter ${at}.StorageResolution must be 1 or 60.`);
  const record: DatumRecord = { id: metricIdentity(namespace, d.MetricName, d.Dimensions), timestamp, unit: d.Unit ?? "None", resolution };
  return Object.assign(record, valuesOf(d, at));
}

function valuesOf(d: Datum, at: string): Pick<DatumRecord, "values" | "counts" | "statistics"> {
  const hasValues = d.Values !== undefined && d.Values.length > 0;
  const given = [d.Value !== undefined && "Value", hasValues && "Values", d.StatisticValues !== undefined && "StatisticValues"].filter(
    Boolean,
  );
  if (given.length > 1) {
    throw invalidParameterCombination(
      `The parameters ${given.map((g) => `${at}.${String(g)}`).join(" and ")} are mutually exclusive and you have specified both.`,
    );
  }
  if (d.Counts !== undefined && !hasValues) throw invalidParameterCombination(`The parameter ${at}.Counts requires ${at}.Values.`);
  if (d.Value !== undefined) return { values: [d.Value] };
  if (hasValues) return { values: d.Values, ...countsOf(d, at) };
  if (d.StatisticValues) return { statistics: statisticSet(d.StatisticValues, at) };
  throw missingParameter(`${at}.Value`);
}

function countsOf(d: Datum, at: string): Pick<DatumRecord, "counts"> {
  if (d.Counts === undefined) return {};
  if (d.Counts.length !== d.Values?.length)
    throw invalidParameterValue(`The parameters ${at}.Values and ${at}.Counts must be of the same size.`);
  if (d.Counts.some((c) => c < 0)) throw invalidParameterValue(`The parameter ${at}.Counts must not contain negative values.`);
  return { counts: d.Counts };
}

function statisticSet(s: NonNullable<Datum["StatisticValues"]>, at: string) {
  if (s.SampleCount <= 0) throw invalidParameterValue(`The parameter ${at}.StatisticValues.SampleCount must be greater than 0.`);
  if (s.Minimum > s.Maximum) {
    throw invalidParameterValue(`The parameter ${at}.StatisticValues.Minimum must be less than or equal to ${at}.StatisticValues.Maximum.`);
  }
  return { sampleCount: s.SampleCount, sum: s.Sum, min: s.Minimum, max: s.Maximum };
}
