import { ZodError } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { ERROR_STATUS, type ErrorBody, type ErrorCode } from "@/lib/errors/error-codes";

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `transaction.amount`; empty for the body itself. */
  field: string;
  message: string;
}

/** Zod issues named by field, so a caller sees which input was wrong. */
export function zodIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join("."), message: issue.message }));
}

export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}

export function errorResponse(code: ErrorCode, message: string, details?: unknown): Response {
  return Response.json(errorBody(code, message, details), { status: ERROR_STATUS[code] });
}

/**
 * Turns anything thrown in a route into the one error body. AppError and ZodError are the caller's
 * business; anything else is ours: logged here with its stack, answered with a generic 500.
 */
export function toErrorResponse(error: unknown, log: (message: string, error: unknown) => void = logUnexpected): Response {
  if (error instanceof AppError) return errorResponse(error.code, error.message, error.details);
  if (error instanceof ZodError) {
    const issues = zodIssues(error);
    const first = issues[0];
    const message = first ? `${first.field || "body"}: ${first.message}` : "Invalid input";
    return errorResponse("bad_request", message, { issues });
  }
  log("Unhandled error in route", error);
  return errorResponse("internal", "Something went wrong on our side. Try again; if it persists, contact support.");
}

function logUnexpected(message: string, error: unknown): void {
  console.error(message, error);
}
