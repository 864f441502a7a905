/**
 * "Does not exist" as each AWS service says it, one check per service, so that callers never guess
 * from an error's name alone (a ValidationException is usually bad input, not absence).
 */

/**
 * SageMaker's control plane has no modelled not-found error for endpoints, endpoint configs and
 * models: it answers ValidationException "Could not find endpoint "arn:…"." (likewise "Could not
 * find endpoint configuration …", "Could not find model …"); the model registry says
 * "ModelPackageGroup <name> does not exist."; newer APIs use the modelled ResourceNotFound. Any
 * other ValidationException (a bad name, "Cannot create already existing …") is not absence.
 */
export function isSageMakerMissing(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === "ResourceNotFound") return true;
  return (
    error.name === "ValidationException" && (/^Could not find /.test(error.message) || /^\S+ .+ does not exist\.?$/.test(error.message))
  );
}

/** DynamoDB: a table (or index) that does not exist is ResourceNotFoundException; a missing item is no error. */
export function isDynamoMissing(error: unknown): boolean {
  return error instanceof Error && error.name === "ResourceNotFoundException";
}

/** S3: GetObject answers NoSuchKey / NoSuchBucket; HEAD requests have no body, so the SDK names a 404 "NotFound". */
export function isS3Missing(error: unknown): boolean {
  return error instanceof Error && ["NoSuchKey", "NoSuchBucket", "NotFound"].includes(error.name);
}
