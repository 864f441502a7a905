/**
 * An error the emulator answers with: AWS's error code (sent as `__type` and `x-amzn-ErrorType`),
 * the HTTP status, a message, and any extra members the SDK's error shape reads (ModelError's
 * OriginalStatusCode, OriginalMessage, LogStreamArn).
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly members: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
    this.name = code;
  }
}

/** The control plane's catch-all 400 (the SDK has no class for it: `name === "ValidationException"`). */
export const validationException = (message: string) => new ApiError("ValidationException", 400, message);

export const unknownOperation = (target: string) =>
  new ApiError("UnknownOperationException", 400, `The operation ${target || "(none)"} is not supported by this service.`);

/** The runtime's modelled 400 is spelled ValidationError, not ValidationException. */
export const runtimeValidationError = (message: string) => new ApiError("ValidationError", 400, message);

export const internalFailure = () => new ApiError("InternalFailure", 500, "An internal error occurred. Try again.");
