import type { z } from "zod";

/** Validation messages by dotted field path ("thresholds.review", "rules.0.value"), first one wins. */
export type FieldErrors = Record<string, string>;

export function fieldErrorsFromIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join(".");
    errors[path] ??= issue.message;
  }
  return errors;
}

/** The same map from the server's 400 body (`details.issues` of the one error body). */
export function fieldErrorsFromDetails(details: unknown, prefix = "settings."): FieldErrors {
  const issues = (details as { issues?: { field?: unknown; message?: unknown }[] } | undefined)?.issues;
  if (!Array.isArray(issues)) return {};
  const errors: FieldErrors = {};
  for (const issue of issues) {
    if (typeof issue.field !== "string" || typeof issue.message !== "string") continue;
    const field = issue.field.startsWith(prefix) ? issue.field.slice(prefix.length) : issue.field;
    errors[field] ??= issue.message;
  }
  return errors;
}

export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
): { data: z.infer<S>; errors: null } | { data: null; errors: FieldErrors } {
  const parsed = schema.safeParse(value);
  return parsed.success ? { data: parsed.data, errors: null } : { data: null, errors: fieldErrorsFromIssues(parsed.error.issues) };
}
