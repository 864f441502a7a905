import { ERROR_STATUS, type ErrorCode } from "./error-codes";

/**
 * The one error type of the domain and the API. lib/ functions throw it with a code; the route
 * wrapper turns it into the error body and status. `message` is shown to the caller, so it must
 * never carry internals (stack traces, SDK messages, table names).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, options: { details?: unknown; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.details = options.details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
