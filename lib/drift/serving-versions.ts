import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import type { StoreDeps } from "@/lib/db/store";
import { listDeploymentHistory, type DeploymentHistoryEntry } from "@/lib/deployments/deployment-record";
import { describeEndpointModels } from "@/lib/deployments/describe-endpoint-models";

/** The model version that served a variant's record at a time; null when it cannot be known. */
export type VersionOf = (variant: string, inferenceTime: number) => string | null;

/**
 * Versions from the endpoint's current config (each variant's model's `model-version` tag): right
 * for every record since the last deployment.
 */
export async function currentServingVersions(
  input: { endpointName: string },
  deps: { sageMaker?: Pick<SageMakerClient, "send"> } = {},
): Promise<VersionOf> {
  const { variants } = await describeEndpointModels({ endpointName: input.endpointName, withVersions: true }, deps);
  const byVariant = new Map([...variants.values()].map((v) => [v.variantName, v.modelVersion ?? null]));
  return (variant) => byVariant.get(variant) ?? null;
}

/**
 * Versions over time from the deployment history (lib/deployments): a record of variant V at time t
 * was served by V's model version in the last deployment recorded at or before t. Before the first
 * recorded deployment, or for a variant the history never names, the current config answers.
 */
export function historyServingVersions(history: readonly DeploymentHistoryEntry[], fallback: VersionOf): VersionOf {
  const changes = history
    .map((entry) => ({
      at: Date.parse(entry.at),
      versions: new Map([...entry.spec.variants, ...entry.spec.shadowVariants].map((v) => [v.variantName, String(v.modelVersion)])),
    }))
    .filter((c) => Number.isFinite(c.at))
    .sort((a, b) => a.at - b.at);
  return (variant, time) => {
    for (let i = changes.length - 1; i >= 0; i--) {
      const change = changes[i]!;
      if (change.at > time) continue;
      return change.versions.get(variant) ?? fallback(variant, time);
    }
    return fallback(variant, time);
  };
}

/** The default of the drift job: the deployment history, else the current config. */
export async function servingVersions(
  input: { tenantId: string; endpointName: string },
  deps: { sageMaker?: Pick<SageMakerClient, "send"> } & StoreDeps = {},
): Promise<VersionOf> {
  const current = await currentServingVersions(input, deps);
  const history = await listDeploymentHistory(input, deps);
  return historyServingVersions(history, current);
}
