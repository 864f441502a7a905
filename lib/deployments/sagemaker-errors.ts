/**
 * SageMaker reports unknown endpoints, configs and groups as a ValidationException ("Could not
 * find endpoint ...") since the control plane has no modelled not-found error for them; some
 * operations use ResourceNotFound. Both mean "does not exist" to us.
 */
export function isMissingResource(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === "ResourceNotFound" || error.name === "ResourceNotFoundException") return true;
  return error.name === "ValidationException" && /could not find|not found|does not exist/i.test(error.message);
}
