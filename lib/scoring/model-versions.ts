import {
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  ListTagsCommand,
  type SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { sageMakerClient } from "@/lib/aws/clients";

/**
 * Which model version each variant of an endpoint serves. InvokeEndpoint names only the variant, so
 * the control plane is asked (endpoint → config → model → its `model-version` tag, else the model
 * name) and the answer kept for VERSIONS_TTL_MS. Refreshes happen in the background; an unknown
 * variant (just promoted) triggers one at once. Until the first answer, versions are null.
 */
export const VERSIONS_TTL_MS = 15_000;
export const MODEL_VERSION_TAG = "model-version";

type VariantVersions = ReadonlyMap<string, string>;

export async function describeVariantVersions(
  endpointName: string,
  sm: Pick<SageMakerClient, "send"> = sageMakerClient(),
): Promise<VariantVersions> {
  const endpoint = await sm.send(new DescribeEndpointCommand({ EndpointName: endpointName }));
  const config = await sm.send(new DescribeEndpointConfigCommand({ EndpointConfigName: endpoint.EndpointConfigName }));
  const entries = await Promise.all(
    (config.ProductionVariants ?? []).map(async (variant) => {
      const model = await sm.send(new DescribeModelCommand({ ModelName: variant.ModelName }));
      const tags = model.ModelArn ? await sm.send(new ListTagsCommand({ ResourceArn: model.ModelArn })) : undefined;
      const version = tags?.Tags?.find((t) => t.Key === MODEL_VERSION_TAG)?.Value ?? variant.ModelName ?? "unknown";
      return [variant.VariantName ?? "", version] as const;
    }),
  );
  return new Map(entries);
}

/** At most one look-up per endpoint in this interval, whatever triggers it (failures included). */
const MIN_REFRESH_INTERVAL_MS = 2_000;

interface Entry {
  versions: VariantVersions;
  fetchedAt: number;
  attemptedAt: number;
  refreshing: Promise<void> | null;
}

export function createModelVersionResolver(
  options: {
    describe?: (endpointName: string) => Promise<VariantVersions>;
    now?: () => number;
    onError?: (error: unknown) => void;
  } = {},
) {
  const { describe = describeVariantVersions, now = Date.now, onError = (e) => console.warn("model version look-up failed", e) } = options;
  const cache = new Map<string, Entry>();

  function refresh(endpointName: string): Promise<void> {
    let entry = cache.get(endpointName);
    if (!entry) {
      entry = { versions: new Map(), fetchedAt: -Infinity, attemptedAt: -Infinity, refreshing: null };
      cache.set(endpointName, entry);
    }
    const current = entry;
    if (current.refreshing) return current.refreshing;
    if (now() - current.attemptedAt < MIN_REFRESH_INTERVAL_MS) return Promise.resolve();
    current.attemptedAt = now();
    current.refreshing = describe(endpointName)
      .then((versions) => {
        current.versions = versions;
        current.fetchedAt = now();
      }, onError)
      .finally(() => {
        current.refreshing = null;
      });
    return current.refreshing;
  }

  return {
    /** The version a variant serves, from the cache; schedules a refresh when stale or unknown. */
    versionOf(endpointName: string, variant: string | null): string | null {
      const entry = cache.get(endpointName);
      const version = variant === null ? undefined : entry?.versions.get(variant);
      if (!entry || now() - entry.fetchedAt > VERSIONS_TTL_MS || (variant !== null && version === undefined)) void refresh(endpointName);
      return version ?? null;
    },
    /** Awaits the first look-up of an endpoint, once (so the first responses carry versions too). */
    async warm(endpointName: string): Promise<void> {
      const entry = cache.get(endpointName);
      if (!entry) await refresh(endpointName);
      else if (entry.refreshing && entry.fetchedAt === -Infinity) await entry.refreshing;
    },
  };
}
