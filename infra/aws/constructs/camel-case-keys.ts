/**
 * SageMaker API shapes (PascalCase, as lib/deployments builds them for CreateEndpointConfig) to the
 * CDK L1 props of the same CloudFormation properties (camelCase of the same names). Only keys
 * change; values are copied. Safe for shapes without user-named map keys (an endpoint config has
 * none; tags are a list of {Key, Value}). Tests compare the rendered template with the API input,
 * so a property the L1 does not know fails there instead of vanishing.
 */
export function camelCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelCaseKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([key, v]) => [key.charAt(0).toLowerCase() + key.slice(1), camelCaseKeys(v)]),
  );
}
