import { z } from "zod";
import { valueAt } from "../cloudwatch/wire";
import { constraintViolation, invalidParameter, LogsError } from "./errors";
import { logGroupNotFound } from "./errors";
import type { LogGroupState, LogStore } from "./store";

/** Member constraints from the CloudWatch Logs API reference (LogGroupName, LogStreamName). */
export const logGroupName = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[.\-_/#A-Za-z0-9]+$/, "[\\.\\-_/#A-Za-z0-9]+");
export const logStreamName = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[^:*]*$/, "[^:*]*");

/**
 * Parses a request body; the first problem becomes the InvalidParameterException AWS answers for a
 * member outside its model (`1 validation error detected: Value … at 'limit' failed to satisfy
 * constraint: …`), with the member named as on the wire.
 */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const member = issue.path.map(String).join(".") || "request";
  const value = valueAt(input, issue.path);
  if (value === undefined) return failMissing(member);
  throw constraintViolation(member, value, constraint(issue));
}

function failMissing(member: string): never {
  throw invalidParameter(`1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);
}

function constraint(issue: z.core.$ZodIssue): string {
  const unit = (origin: unknown) => (origin === "number" || origin === "int" ? "value" : "length");
  if (issue.code === "too_small") return `Member must have ${unit(issue.origin)} greater than or equal to ${String(issue.minimum)}`;
  if (issue.code === "too_big") return `Member must have ${unit(issue.origin)} less than or equal to ${String(issue.maximum)}`;
  if (issue.code === "invalid_format") return `Member must satisfy regular expression pattern: ${issue.message}`;
  if (issue.code === "invalid_value") return `Member must satisfy enum value set: [${issue.values.map(String).join(", ")}]`;
  return `Member is not valid (${issue.message})`;
}

/**
 * The log group a read names, by `logGroupName` or `logGroupIdentifier` (a name or an ARN): one of the
 * two, never both (GetLogEvents, DescribeLogStreams).
 */
export function resolveLogGroup(store: LogStore, req: { logGroupName?: string; logGroupIdentifier?: string }): LogGroupState {
  if (req.logGroupName !== undefined && req.logGroupIdentifier !== undefined) {
    throw invalidParameter("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
  }
  const identifier = req.logGroupName ?? req.logGroupIdentifier;
  if (identifier === undefined) throw invalidParameter("Should provide either logGroupName or logGroupIdentifier.");
  const name = /^arn:aws[\w-]*:logs:[^:]*:\d{12}:log-group:(.+?)(:\*)?$/.exec(identifier)?.[1] ?? identifier;
  const group = store.group(name);
  if (!group) throw logGroupNotFound();
  return group;
}

export function isLogsError(error: unknown): error is LogsError {
  return error instanceof LogsError;
}
