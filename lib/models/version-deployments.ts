import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { isSageMakerMissing } from "@/lib/aws/missing";
import { describeEndpointModels } from "@/lib/deployments/describe-endpoint-models";
import { trafficShares } from "@/lib/deployments/traffic-share";

/** Where a version serves: a variant of the tenant's endpoint, its share of live traffic, or a shadow copy. */
export interface VersionDeployment {
  endpointName: string;
  variantName: string;
  /** Share of live requests (0..1); a shadow's share of the copies it receives. */
  trafficShare: number;
  shadow: boolean;
}

export interface DeploymentsByVersion {
  /** The version of the variant named "production" (else the largest live share); null without an endpoint. */
  productionVersion: number | null;
  byVersion: ReadonlyMap<number, VersionDeployment[]>;
  /** SageMaker's EndpointStatus (Updating while a deployment moves it); null without an endpoint. */
  endpointStatus: string | null;
}

/**
 * Reads the tenant's endpoint through the one walk (describeEndpointModels). lib/deployments'
 * deployment record will answer this once it lands; until then SageMaker's current state is the truth.
 */
export async function getVersionDeployments(
  input: { endpointName: string },
  deps: { sageMaker?: Pick<SageMakerClient, "send"> } = {},
): Promise<DeploymentsByVersion> {
  let described;
  try {
    described = await describeEndpointModels({ endpointName: input.endpointName, withVersions: true }, deps);
  } catch (error) {
    if (isSageMakerMissing(error)) return { productionVersion: null, byVersion: new Map(), endpointStatus: null };
    throw error;
  }
  const live = described.endpoint.ProductionVariants ?? [];
  const shadows = described.endpoint.ShadowProductionVariants ?? [];
  const liveShares = trafficShares(live.map((v) => v.CurrentWeight ?? 0));
  // A shadow receives copies of (its weight / the production weight) of requests (SageMaker
  // developer guide, shadow tests): a share of copies, not of answers.
  const liveWeight = live.reduce((sum, v) => sum + Math.max(0, v.CurrentWeight ?? 0), 0);
  const shadowShares = shadows.map((v) => (liveWeight > 0 ? Math.min(1, Math.max(0, v.CurrentWeight ?? 0) / liveWeight) : 0));
  const rows = [
    ...live.map((v, i) => ({ name: v.VariantName ?? "", share: liveShares[i] ?? 0, shadow: false })),
    ...shadows.map((v, i) => ({ name: v.VariantName ?? "", share: shadowShares[i] ?? 0, shadow: true })),
  ];
  const byVersion = new Map<number, VersionDeployment[]>();
  let production: { version: number; share: number; named: boolean } | null = null;
  for (const row of rows) {
    const version = Number(described.variants.get(row.name)?.modelVersion);
    if (!Number.isInteger(version)) continue;
    const deployment = { endpointName: input.endpointName, variantName: row.name, trafficShare: row.share, shadow: row.shadow };
    byVersion.set(version, [...(byVersion.get(version) ?? []), deployment]);
    if (row.shadow) continue;
    const named = row.name === "production";
    if (!production || (named && !production.named) || (named === production.named && row.share > production.share)) {
      production = { version, share: row.share, named };
    }
  }
  return { productionVersion: production?.version ?? null, byVersion, endpointStatus: described.endpoint.EndpointStatus ?? null };
}
