/**
 * CloudWatch errors as the query-compatible JSON protocol carries them. The SDK reads the
 * `x-amzn-query-error: <Code>;<Sender|Receiver>` header first and maps the legacy query code
 * (e.g. `InvalidParameterValue`) to its modelled exception (`InvalidParameterValueException`);
 * the body's `__type` is the fallback for clients that ignore the header.
 */
export class CloudWatchError extends Error {
  constructor(
    /** The legacy awsQuery code, e.g. "InvalidParameterValue". */
    readonly queryCode: string,
    /** The modelled shape name, e.g. "InvalidParameterValueException". */
    readonly shapeName: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = shapeName;
  }

  get fault(): "Sender" | "Receiver" {
    return this.status >= 500 ? "Receiver" : "Sender";
  }
}

export const invalidParameterValue = (message: string) =>
  new CloudWatchError("InvalidParameterValue", "InvalidParameterValueException", message);

/** The wire code ValidationError, which the SDK models as ValidationException (its awsQueryError code). */
export const validationError = (message: string) => new CloudWatchError("ValidationError", "ValidationException", message);

export const missingParameter = (parameter: string) =>
  new CloudWatchError("MissingParameter", "MissingRequiredParameterException", `The parameter ${parameter} is required.`);

export const invalidParameterCombination = (message: string) =>
  new CloudWatchError("InvalidParameterCombination", "InvalidParameterCombinationException", message);

export const invalidNextToken = () =>
  new CloudWatchError("InvalidNextToken", "InvalidNextToken", "The service couldn't process the NextToken.");

export const unknownOperation = (target: string) =>
  new CloudWatchError("InvalidAction", "UnknownOperationException", `Operation ${target} is not supported by this emulator.`);

export const requestTooLarge = (limit: number) =>
  new CloudWatchError("RequestEntityTooLarge", "RequestEntityTooLarge", `Request size exceeds ${limit} bytes.`, 413);

export const internalFailure = () =>
  new CloudWatchError("InternalServiceError", "InternalServiceFault", "An internal error occurred.", 500);

export function isCloudWatchError(error: unknown): error is CloudWatchError {
  return error instanceof CloudWatchError;
}

export const resourceNotFound = (message: string) => new CloudWatchError("ResourceNotFound", "ResourceNotFound", message, 404);

export const invalidFormat = (message: string) => new CloudWatchError("InvalidFormat", "InvalidFormatFault", message);
