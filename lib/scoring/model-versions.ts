import { swrCache } from "@/lib/cache/swr-cache";
import { describeEndpointModels } from "@/lib/deployments/describe-endpoint-models";

/**
 * Which model version each variant of an endpoint serves. InvokeEndpoint names only the variant, so
 * the control plane is asked (endpoint → config → model → its `model-version` tag, else the model
 * name) and the answer kept for VERSIONS_TTL_MS. Refreshes happen in the background; an unknown
 * variant (just promoted) triggers one at once. Until the first answer, versions are null.
 */
export const VERSIONS_TTL_MS = 15_000;

type VariantVersions = ReadonlyMap<string, string>;

/** Variant → version of the model it serves, through lib/deployments' endpoint → config → model walk. */
export async function describeVariantVersions(endpointName: string): Promise<VariantVersions> {
  const { variants } = await describeEndpointModels({ endpointName, withVersions: true });
  return new Map([...variants.values()].map((v) => [v.variantName, v.modelVersion ?? "unknown"]));
}

/** At most one look-up per endpoint in this interval, whatever triggers it (failures included). */
const MIN_REFRESH_INTERVAL_MS = 2_000;

export function createModelVersionResolver(
  options: {
    describe?: (endpointName: string) => Promise<VariantVersions>;
    now?: () => number;
    onError?: (error: unknown) => void;
  } = {},
) {
  const { describe = describeVariantVersions, now = Date.now, onError = (e) => console.warn("model version look-up failed", e) } = options;
  const cache = swrCache<string, VariantVersions>({
    load: describe,
    ttlMs: VERSIONS_TTL_MS,
    minLoadIntervalMs: MIN_REFRESH_INTERVAL_MS,
    onError,
    now,
  });

  return {
    /** The version a variant serves, from the cache; schedules a refresh when stale or unknown. */
    versionOf(endpointName: string, variant: string | null): string | null {
      const versions = cache.peek(endpointName);
      const version = variant === null ? undefined : versions?.get(variant);
      if (versions && variant !== null && version === undefined) void cache.refresh(endpointName);
      return version ?? null;
    },
    /** Awaits the first look-up of an endpoint, once (so the first responses carry versions too). */
    async warm(endpointName: string): Promise<void> {
      await cache.get(endpointName).then(
        () => undefined,
        (error: unknown) => onError(error),
      );
    },
  };
}
