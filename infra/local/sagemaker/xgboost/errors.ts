/**
 * Why a model was refused: `invalid` = the bytes are not a well-formed XGBoost JSON model;
 * `unsupported` = a valid model we deliberately do not serve (dart, multi-class, categorical...).
 * The emulator can map both to SageMaker's error for a broken model artifact.
 */
export type XgboostModelErrorReason = "invalid" | "unsupported";

export class XgboostModelError extends Error {
  readonly reason: XgboostModelErrorReason;

  constructor(reason: XgboostModelErrorReason, message: string) {
    super(`${reason === "invalid" ? "Invalid" : "Unsupported"} XGBoost model: ${message}`);
    this.name = "XgboostModelError";
    this.reason = reason;
  }
}

export const invalidModel = (message: string) => new XgboostModelError("invalid", message);
export const unsupportedModel = (message: string) => new XgboostModelError("unsupported", message);
