import { swrCache } from "@/lib/cache/swr-cache";
import { onDeploymentChanged } from "@/lib/deployments/deployment-changes";
import { getDeployment } from "@/lib/deployments/deployment-record";
import { describeEndpointModels } from "@/lib/deployments/describe-endpoint-models";

/**
 * Which model version each variant of an endpoint serves. InvokeEndpoint names only the variant, so
 * the endpoint's deployment record (lib/deployments) is read — or, for an endpoint without one, the
 * control plane is asked (endpoint → config → model → its `model-version` tag, else the model name)
 * — and the answer kept for VERSIONS_TTL_MS. Refreshes happen in the background; an unknown
 * variant (just promoted) triggers one at once. Until the first answer, versions are null.
 *
 * A deployment change in this process (deploy, weights, rollback through this console instance)
 * drops the endpoint's entry at once (deploymentChanged); changes made by another process — another
 * console instance, the rollback Lambda or the local alarm evaluator — are seen within
 * VERSIONS_TTL_MS. During an UpdateEndpoint the old config serves until the new one is InService,
 * while the record already names the new one: answers in that window may name the new version.
 */
export const VERSIONS_TTL_MS = 15_000;

type VariantVersions = ReadonlyMap<string, string>;

/** Variant → version of the model it serves: the deployment record, else lib/deployments' endpoint → config → model walk. */
export async function describeVariantVersions(endpointName: string, tenantId?: string): Promise<VariantVersions> {
  const deployment = tenantId ? await getDeployment({ tenantId, endpointName }) : null;
  if (deployment) {
    const { variants, shadowVariants } = deployment.spec;
    return new Map([...variants, ...shadowVariants].map((v) => [v.variantName, String(v.modelVersion)]));
  }
  const { variants } = await describeEndpointModels({ endpointName, withVersions: true });
  return new Map([...variants.values()].map((v) => [v.variantName, v.modelVersion ?? "unknown"]));
}

/** At most one look-up per endpoint in this interval, whatever triggers it (failures included). */
const MIN_REFRESH_INTERVAL_MS = 2_000;

export function createModelVersionResolver(
  options: {
    describe?: (endpointName: string, tenantId?: string) => Promise<VariantVersions>;
    now?: () => number;
    onError?: (error: unknown) => void;
  } = {},
) {
  const { describe = describeVariantVersions, now = Date.now, onError = (e) => console.warn("model version look-up failed", e) } = options;
  /** Which tenant an endpoint belongs to, learnt from warm() (the record is keyed by tenant). */
  const tenants = new Map<string, string>();
  const cache = swrCache<string, VariantVersions>({
    load: (endpointName) => describe(endpointName, tenants.get(endpointName)),
    ttlMs: VERSIONS_TTL_MS,
    minLoadIntervalMs: MIN_REFRESH_INTERVAL_MS,
    onError,
    now,
  });
  onDeploymentChanged(({ endpointName }) => cache.delete(endpointName));

  return {
    /** The version a variant serves, from the cache; schedules a refresh when stale or unknown. */
    versionOf(endpointName: string, variant: string | null): string | null {
      const versions = cache.peek(endpointName);
      const version = variant === null ? undefined : versions?.get(variant);
      if (versions && variant !== null && version === undefined) void cache.refresh(endpointName);
      return version ?? null;
    },
    /** Awaits the first look-up of an endpoint, once (so the first responses carry versions too). */
    async warm(endpointName: string, tenantId?: string): Promise<void> {
      if (tenantId && tenants.get(endpointName) !== tenantId) {
        if (tenants.size > 10_000) tenants.clear();
        tenants.set(endpointName, tenantId);
      }
      await cache.get(endpointName).then(
        () => undefined,
        (error: unknown) => onError(error),
      );
    },
  };
}
