import type { XgboostModel } from "../xgboost";
import type { Deployment } from "../state/types";
import { RandomRegistry, type EndpointRandom } from "./endpoint-random";
import { captureSettingsOf, type CaptureSettings } from "./capture-settings";
import type { MetricsAggregator, VariantMetrics } from "./metrics";
import type { RecordBatch } from "./payload";

export interface HostedVariant {
  readonly name: string;
  readonly model: XgboostModel;
  readonly weight: number;
  readonly instanceCount: number;
  readonly metrics: VariantMetrics;
  /** Clarify's SHAP baseline parsed for this variant's model (endpoints with an explainer only). */
  readonly shapBaseline: RecordBatch | undefined;
}

export interface ExplainerSettings {
  /** JMESPath expression over each record's parsed output; Clarify's default is `true`. */
  readonly enableExplanations: string;
  readonly featureHeaders: readonly string[] | undefined;
  /** ShapConfig.NumberOfSamples; undefined = Clarify's default (kernel-shap-cost.ts). */
  readonly numberOfSamples: number | undefined;
  /** ShapConfig.Seed: the coalitions drawn for the synthetic dataset. */
  readonly seed: number;
}

/** An endpoint as the runtime serves it: loaded models, routing weights, capture and explainer settings. */
export interface HostedEndpoint {
  readonly name: string;
  readonly variants: readonly HostedVariant[];
  /** Shadow variants: scored on a copy of each request after the caller has its answer. */
  readonly shadows: readonly HostedVariant[];
  /** Running sums of the weights, for routing with one random draw. */
  readonly cumulativeWeights: Float64Array;
  readonly capture: CaptureSettings | undefined;
  readonly explainer: ExplainerSettings | undefined;
}

export function hostedEndpointOf(
  name: string,
  deployment: Deployment,
  models: readonly XgboostModel[],
  metrics: MetricsAggregator,
  shapBaselines: readonly (RecordBatch | undefined)[] = [],
): HostedEndpoint {
  // models and shapBaselines hold the production variants first, then the shadows (lifecycle.ts).
  const hosted = [...deployment.variants, ...(deployment.shadowVariants ?? [])].map((v, i) => ({
    name: v.VariantName,
    model: models[i]!,
    weight: v.CurrentWeight,
    instanceCount: v.CurrentInstanceCount,
    metrics: metrics.variant(name, v.VariantName, v.CurrentInstanceCount),
    shapBaseline: shapBaselines[i],
  }));
  const variants = hosted.slice(0, deployment.variants.length);
  const shadows = hosted.slice(deployment.variants.length);
  const cumulativeWeights = new Float64Array(variants.length);
  let sum = 0;
  variants.forEach((v, i) => (cumulativeWeights[i] = sum += v.weight));
  const clarify = deployment.ExplainerConfig?.ClarifyExplainerConfig;
  return {
    name,
    variants,
    shadows,
    cumulativeWeights,
    capture: captureSettingsOf(deployment.DataCaptureConfig),
    explainer: clarify
      ? {
          enableExplanations: clarify.EnableExplanations ?? "`true`",
          featureHeaders: clarify.InferenceConfig?.FeatureHeaders,
          numberOfSamples: clarify.ShapConfig?.NumberOfSamples,
          seed: clarify.ShapConfig?.Seed ?? 0,
        }
      : undefined,
  };
}

/** Traffic share of a variant is its weight over the sum of weights. */
export function pickVariant(endpoint: HostedEndpoint, random: number): HostedVariant | undefined {
  const weights = endpoint.cumulativeWeights;
  const total = weights[weights.length - 1] ?? 0;
  if (total <= 0) return undefined;
  const target = random * total;
  for (let i = 0; i < weights.length; i++) if (target < weights[i]!) return endpoint.variants[i];
  return endpoint.variants[endpoint.variants.length - 1];
}

/** The endpoints that can take invocations right now, by name, and each endpoint's seeded chance. */
export class Hosting {
  private readonly endpoints = new Map<string, HostedEndpoint>();
  readonly random = new RandomRegistry();

  get(name: string): HostedEndpoint | undefined {
    return this.endpoints.get(name);
  }

  randomOf(name: string): EndpointRandom {
    return this.random.of(name);
  }

  install(endpoint: HostedEndpoint): void {
    this.endpoints.set(endpoint.name, endpoint);
  }

  remove(name: string): void {
    this.endpoints.delete(name);
    this.random.forget(name);
  }
}
