import {
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  ListTagsCommand,
  type DescribeEndpointCommandOutput,
  type SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { sageMakerClient } from "@/lib/aws/clients";
import { isSageMakerMissing } from "@/lib/aws/missing";

import { MODEL_VERSION_TAG } from "./build-endpoint-config";

export { MODEL_VERSION_TAG };

export interface VariantModel {
  variantName: string;
  /** From the endpoint config; null when the config can no longer be read. */
  modelName: string | null;
  instanceType: string | null;
  /** The model's MODEL_VERSION_TAG, else its name; only when asked for (`withVersions`). */
  modelVersion?: string;
}

export interface EndpointModels {
  endpoint: DescribeEndpointCommandOutput;
  /** By variant name (production and shadow variants), from the endpoint's current config. */
  variants: ReadonlyMap<string, VariantModel>;
}

/**
 * The one walk from an endpoint to the models its variants serve: DescribeEndpoint → its
 * EndpointConfig → (with `withVersions`) each variant's model and tags. SageMaker errors are the
 * caller's to translate (a missing endpoint is `isSageMakerMissing`), except a config that no longer
 * exists, which leaves the variants' models unknown (an endpoint outlives a deleted config).
 */
export async function describeEndpointModels(
  input: { endpointName: string; withVersions?: boolean },
  deps: { sageMaker?: Pick<SageMakerClient, "send"> } = {},
): Promise<EndpointModels> {
  const sm = deps.sageMaker ?? sageMakerClient();
  const endpoint = await sm.send(new DescribeEndpointCommand({ EndpointName: input.endpointName }));
  if (!endpoint.EndpointConfigName) return { endpoint, variants: new Map() };
  let configVariants;
  try {
    const config = await sm.send(new DescribeEndpointConfigCommand({ EndpointConfigName: endpoint.EndpointConfigName }));
    // Shadow variants (ShadowProductionVariants) serve models too: their answers are captured, not returned.
    configVariants = [...(config.ProductionVariants ?? []), ...(config.ShadowProductionVariants ?? [])];
  } catch (error) {
    if (isSageMakerMissing(error)) return { endpoint, variants: new Map() };
    throw error;
  }
  const variants = await Promise.all(
    configVariants.map(async (v): Promise<VariantModel> => {
      const variant = { variantName: v.VariantName ?? "", modelName: v.ModelName ?? null, instanceType: v.InstanceType ?? null };
      if (!input.withVersions) return variant;
      const model = await sm.send(new DescribeModelCommand({ ModelName: v.ModelName }));
      const tags = model.ModelArn ? await sm.send(new ListTagsCommand({ ResourceArn: model.ModelArn })) : undefined;
      const modelVersion = tags?.Tags?.find((t) => t.Key === MODEL_VERSION_TAG)?.Value ?? v.ModelName ?? "unknown";
      return { ...variant, modelVersion };
    }),
  );
  return { endpoint, variants: new Map(variants.map((v) => [v.variantName, v])) };
}
