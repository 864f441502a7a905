import { z } from "zod";
import { invalidNextToken, invalidParameterCombination, invalidParameterValue, validationError } from "../errors";
import { metricIdentity } from "../store/metric-id";
import { assertValidPeriod } from "../time-window";
import { metricDataQuerySchema, parseRequest, wireTimestamp } from "../wire";
import type { OperationContext } from "./context";
import { evaluateExpressions } from "./expression";
import { metricSeries, statisticOrThrow, type TimeSeries, type Window } from "./metric-series";

const DEFAULT_MAX_DATAPOINTS = 100_800;

const querySchema = metricDataQuerySchema(2048);

const requestSchema = z.object({
  MetricDataQueries: z.array(querySchema).min(1).max(500),
  StartTime: wireTimestamp,
  EndTime: wireTimestamp,
  NextToken: z.string().optional(),
  ScanBy: z.enum(["TimestampDescending", "TimestampAscending"]).optional(),
  MaxDatapoints: z.number().int().positive().optional(),
  LabelOptions: z.object({ Timezone: z.string().optional() }).optional(),
});

type Query = z.output<typeof querySchema>;

interface Result {
  Id: string;
  Label: string;
  series: TimeSeries;
}

export function getMetricData(ctx: OperationContext, body: unknown) {
  const request = parseRequest(requestSchema, body);
  if (request.StartTime >= request.EndTime) throw invalidParameterValue("The parameter StartTime must be less than the parameter EndTime.");
  validateQueries(request.MetricDataQueries);
  const window: Window = { startMs: request.StartTime, endMs: request.EndTime, nowMs: ctx.now() };
  const computed = new Map<string, TimeSeries>();
  for (const q of request.MetricDataQueries) {
    if (!q.MetricStat) continue;
    const { Metric, Period, Stat, Unit } = q.MetricStat;
    const id = metricIdentity(Metric.Namespace, Metric.MetricName, Metric.Dimensions);
    computed.set(q.Id, metricSeries(ctx.store, id, Period, statisticOrThrow(Stat, "Stat"), Unit, window));
  }
  evaluateExpressions(request.MetricDataQueries, computed);
  const results: Result[] = request.MetricDataQueries.filter((q) => q.ReturnData !== false).map((q) => ({
    Id: q.Id,
    Label: q.Label ?? q.MetricStat?.Metric.MetricName ?? q.Id,
    series: computed.get(q.Id) ?? new Map(),
  }));
  return paginate(results, request.ScanBy === "TimestampAscending", request.MaxDatapoints ?? DEFAULT_MAX_DATAPOINTS, request.NextToken);
}

function validateQueries(queries: Query[]): void {
  const ids = new Set<string>();
  for (const [i, q] of queries.entries()) {
    const at = `MetricDataQueries.member.${i + 1}`;
    // An Id must start with a lowercase letter and hold only letters, digits and _ (MetricDataQuery,
    // CloudWatch API reference); AWS refuses others with ValidationError.
    if (!/^[a-z][a-zA-Z0-9_]*$/.test(q.Id)) {
      throw validationError(
        `The value ${q.Id} for parameter ${at}.Id is not valid: it must start with a lowercase letter and contain only letters, numbers and underscores.`,
      );
    }
    if (ids.has(q.Id)) throw invalidParameterValue(`The value ${q.Id} for parameter ${at}.Id is not unique.`);
    ids.add(q.Id);
    if ((q.MetricStat === undefined) === (q.Expression === undefined)) {
      throw invalidParameterCombination(`Exactly one of ${at}.MetricStat and ${at}.Expression must be specified.`);
    }
    if (q.MetricStat) assertValidPeriod(q.MetricStat.Period, `${at}.MetricStat.Period`);
  }
}

/**
 * MaxDatapoints caps the datapoints of one response across all results, in query order; the rest
 * comes with NextToken (an offset into that same ordering) and StatusCode PartialData.
 */
function paginate(results: Result[], ascending: boolean, max: number, token: string | undefined) {
  const total = results.reduce((n, r) => n + r.series.size, 0);
  const offset = token === undefined ? 0 : decodeToken(token, total);
  let cursor = 0;
  const MetricDataResults = results.map((r) => {
    const times = [...r.series.keys()].sort((a, b) => (ascending ? a - b : b - a));
    const from = Math.max(0, offset - cursor);
    const to = Math.max(0, Math.min(times.length, offset + max - cursor));
    cursor += times.length;
    const page = times.slice(from, Math.max(from, to));
    return {
      Id: r.Id,
      Label: r.Label,
      Timestamps: page,
      Values: page.map((t) => r.series.get(t)!),
      StatusCode: to < times.length ? "PartialData" : "Complete",
    };
  });
  const next = offset + max;
  return { MetricDataResults, Messages: [], ...(next < total ? { NextToken: encodeToken(next) } : {}) };
}

function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString("base64url");
}

function decodeToken(token: string, total: number): number {
  try {
    const { o } = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { o: unknown };
    if (typeof o === "number" && Number.isInteger(o) && o >= 0 && o <= total) return o;
  } catch {
    // fall through
  }
  throw invalidNextToken();
}
