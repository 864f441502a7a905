import { z } from "zod";
import { validationException } from "../errors";

/**
 * Input parsing for the control plane with zod, and zod's issues rendered the way SageMaker words
 * them: "1 validation error detected: Value null at 'endpointName' failed to satisfy constraint:
 * Member must not be null".
 */
const NAME_PATTERN = "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}";

export const resourceName = z
  .string()
  .regex(new RegExp(`${NAME_PATTERN}$`), `Member must satisfy regular expression pattern: ${NAME_PATTERN}`);

export const tagList = z.array(z.object({ Key: z.string().min(1).max(128), Value: z.string().max(256) })).max(50);

export const listInput = z.looseObject({
  SortBy: z.string().optional(),
  SortOrder: z.enum(["Ascending", "Descending"]).optional(),
  NextToken: z.string().optional(),
  MaxResults: z.number().int().min(1).max(100).optional(),
  NameContains: z.string().optional(),
  CreationTimeAfter: z.number().optional(),
  CreationTimeBefore: z.number().optional(),
});

export function parseInput<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => describeIssue(issue, body));
  const count = problems.length;
  throw validationException(`${count} validation error${count === 1 ? "" : "s"} detected: ${problems.join("; ")}`);
}

function describeIssue(issue: z.core.$ZodIssue, body: unknown): string {
  const where = issue.path.map((part) => (typeof part === "number" ? `${part + 1}.member` : lowerFirst(String(part)))).join(".");
  const value = valueAt(body, issue.path);
  if (value === undefined || value === null) return `Value null at '${where}' failed to satisfy constraint: Member must not be null`;
  const constraint = issue.code === "invalid_type" ? `Member must be of type ${issue.expected}` : issue.message;
  const shown = typeof value === "string" ? value : JSON.stringify(value);
  return `Value '${shown}' at '${where}' failed to satisfy constraint: ${constraint}`;
}

function valueAt(body: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current: unknown = body;
  for (const part of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
