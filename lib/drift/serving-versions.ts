import { describeEndpointModels } from "@/lib/deployments/describe-endpoint-models";
import type { SageMakerClient } from "@aws-sdk/client-sagemaker";

/** The model version that served a variant's record at a time; null when it cannot be known. */
export type VersionOf = (variant: string, inferenceTime: number) => string | null;

/**
 * Versions from the endpoint's current config (each variant's model's `model-version` tag). A
 * variant that served another version earlier in the window is attributed to its current one; a
 * variant no longer in the config (a removed canary) is unattributed. Pass a `versionOf` built from
 * the deployment history for windows that span a deployment.
 */
export async function currentServingVersions(
  input: { endpointName: string },
  deps: { sageMaker?: Pick<SageMakerClient, "send"> } = {},
): Promise<VersionOf> {
  const { variants } = await describeEndpointModels({ endpointName: input.endpointName, withVersions: true }, deps);
  const byVariant = new Map([...variants.values()].map((v) => [v.variantName, v.modelVersion ?? null]));
  return (variant) => byVariant.get(variant) ?? null;
}
