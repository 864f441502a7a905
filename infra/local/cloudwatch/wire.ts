import { z } from "zod";
import { invalidParameterValue, missingParameter } from "./errors";
import { UNITS } from "./units";

/**
 * zod building blocks for the AWS JSON 1.0 wire shapes, and the mapping from zod issues to the
 * errors CloudWatch itself returns (parameter paths in the awsQuery style, `MetricData.member.1.Value`,
 * because that is what CloudWatch's messages name even on the JSON protocol).
 */

/** Timestamps arrive as epoch seconds (fractional allowed); ISO strings are accepted too. Output: epoch ms. */
export const wireTimestamp = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const ms = typeof value === "number" ? value * 1000 : /^-?\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value);
  if (!Number.isFinite(ms)) {
    ctx.addIssue({ code: "custom", message: "is not a valid timestamp" });
    return z.NEVER;
  }
  return ms;
});

// The SDK's JSON codec sends non-finite doubles as the strings "NaN", "Infinity", "-Infinity".
const MAX_MAGNITUDE = 2 ** 360;
export const wireDouble = z.union([z.number(), z.enum(["NaN", "Infinity", "-Infinity"])]).transform((value, ctx) => {
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(n) || Math.abs(n) > MAX_MAGNITUDE) {
    ctx.addIssue({ code: "custom", message: "must be a finite number between -2^360 and 2^360" });
    return z.NEVER;
  }
  return n;
});

export const dimensionSchema = z.object({
  Name: z.string().min(1).max(255),
  Value: z.string().min(1).max(1024),
});

/** Renders a zod path the way CloudWatch names parameters: lists are 1-based `member.N`. */
/**
 * A MetricDataQuery (CloudWatch API reference, MetricDataQuery): a metric and statistic, or an
 * expression over other queries. GetMetricData allows 2,048 characters of expression; the alarm
 * operations are held to 1,024 by their own limit (PutMetricAlarm), so each says its maximum.
 */
export function metricDataQuerySchema(expressionMaxLength: number) {
  return z.object({
    Id: z.string().min(1).max(255),
    MetricStat: z
      .object({
        Metric: z.object({
          Namespace: z.string().min(1).max(255),
          MetricName: z.string().min(1).max(255),
          Dimensions: z.array(dimensionSchema).max(30).optional(),
        }),
        Period: z.number().int().positive(),
        Stat: z.string().min(1),
        Unit: z.enum(UNITS).optional(),
      })
      .optional(),
    Expression: z.string().min(1).max(expressionMaxLength).optional(),
    Label: z.string().optional(),
    ReturnData: z.boolean().optional(),
    Period: z.number().int().positive().optional(),
    AccountId: z.string().optional(),
  });
}

export function parameterPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((part) => (typeof part === "number" ? `member.${part + 1}` : String(part))).join(".");
}

/** The value at a zod issue's path (shared with the Logs emulator's wire). */
export function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current = input;
  for (const part of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

/** Parses a request body; the first problem becomes MissingParameter or InvalidParameterValue. */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (!issue) throw invalidParameterValue("Invalid request.");
  const name = parameterPath(issue.path);
  if (issue.path.length > 0 && valueAt(input, issue.path) === undefined) throw missingParameter(name);
  throw invalidParameterValue(`The parameter ${name || "request"} ${describe(issue)}.`);
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === "custom") return issue.message;
  if (issue.code === "too_big") return `must have at most ${String(issue.maximum)} ${issue.origin === "string" ? "characters" : "items"}`;
  if (issue.code === "too_small")
    return `must have at least ${String(issue.minimum)} ${issue.origin === "string" ? "characters" : "items"}`;
  if (issue.code === "invalid_value") return `must be one of: ${issue.values.map(String).join(", ")}`;
  return `is invalid (${issue.message})`;
}
