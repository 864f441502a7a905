/**
 * CloudWatch Logs errors as its AWS JSON 1.1 protocol carries them: HTTP 400 (500 for the service's own
 * faults), `x-amzn-ErrorType` and a body `{"__type": "<Shape>", "message": "…"}`, from which the SDK
 * builds its modelled exception (`ResourceNotFoundException`, `InvalidParameterException`, …).
 */
export class LogsError extends Error {
  constructor(
    /** The modelled shape name, e.g. "ResourceNotFoundException". */
    readonly shapeName: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = shapeName;
  }
}

export const invalidParameter = (message: string) => new LogsError("InvalidParameterException", message);

/** The message AWS gives for a member outside its modelled constraints (a Smithy validation error). */
export const constraintViolation = (member: string, value: unknown, constraint: string) =>
  invalidParameter(`1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: ${constraint}`);

export const logGroupNotFound = () => new LogsError("ResourceNotFoundException", "The specified log group does not exist.");
export const logStreamNotFound = () => new LogsError("ResourceNotFoundException", "The specified log stream does not exist.");
export const logGroupExists = () => new LogsError("ResourceAlreadyExistsException", "The specified log group already exists");
export const logStreamExists = () => new LogsError("ResourceAlreadyExistsException", "The specified log stream already exists");
export const invalidNextToken = () => invalidParameter("The specified nextToken is invalid.");

export const unknownOperation = (target: string) =>
  new LogsError("UnknownOperationException", `Operation ${target} is not supported by this emulator.`);

export const serializationError = (message: string) => new LogsError("SerializationException", message);

export const serviceUnavailable = () => new LogsError("ServiceUnavailableException", "The service cannot complete the request.", 500);
