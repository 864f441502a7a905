import { listDeploymentHistory, type DeploymentKind } from "@/lib/deployments/deployment-record";
import { describeEndpointModels } from "@/lib/deployments/describe-endpoint-models";
import { isSageMakerMissing } from "@/lib/aws/missing";
import type { MetricQuery, Series } from "@/lib/metrics/metric-series";
import { panelSeries, tenantMetric, total, type PanelContext } from "../panel-context";

export interface VariantSeries {
  variant: string;
  modelVersion: string | null;
  /** A shadow variant: scored on copies of the traffic, never answering. */
  shadow: boolean;
  invocations: Series;
  /** Shares 0..1 per step (SageMaker's per-request 0/1 error metrics, averaged). */
  rate4xx: Series;
  rate5xx: Series;
  /** Milliseconds: the model container's time (ModelLatency) and the console's whole answer (VariantLatency). */
  modelLatency: { p50: Series; p95: Series; p99: Series };
  consoleLatency: { p50: Series; p95: Series; p99: Series };
  totals: { invocations: number; errors4xx: number; errors5xx: number };
}

export interface VariantsPanel {
  timestamps: number[];
  variants: VariantSeries[];
  /** Deployments and rollbacks of the endpoint within the range, for the time axis. */
  markers: Array<{ at: number; kind: DeploymentKind; actor: string; reason: string | null }>;
}

const PERCENTILES = ["p50", "p95", "p99"] as const;

/**
 * Per variant of the tenant's endpoint: invocations, 4xx/5xx rates and ModelLatency (AWS/SageMaker,
 * by EndpointName and VariantName) beside the console's own latency of the answers that variant
 * gave. ModelLatency is in microseconds on AWS; it is shown in milliseconds (metric math / 1000).
 */
export async function variantsPanel(ctx: PanelContext): Promise<VariantsPanel> {
  const [variants, history] = await Promise.all([
    endpointVariants(ctx.endpointName),
    listDeploymentHistory({ tenantId: ctx.tenantId, endpointName: ctx.endpointName }, ctx.deps),
  ]);
  const markers = history
    .map((h) => ({ at: Date.parse(h.at), kind: h.kind, actor: h.actor, reason: h.reason }))
    .filter((m) => m.at >= ctx.range.from && m.at < ctx.range.to)
    .sort((a, b) => a.at - b.at);
  const queries: MetricQuery[] = [];
  variants.forEach((v, i) => {
    const sm = (name: string, stat: string) => ({
      namespace: "AWS/SageMaker",
      name,
      stat,
      dimensions: [
        ["EndpointName", ctx.endpointName],
        ["VariantName", v.variant],
      ] as const,
    });
    queries.push(
      { id: `inv${i}`, metric: sm("Invocations", "Sum") },
      { id: `e4n${i}`, metric: sm("Invocation4XXErrors", "Sum") },
      { id: `e5n${i}`, metric: sm("Invocation5XXErrors", "Sum") },
      { id: `e4r${i}`, metric: sm("Invocation4XXErrors", "Average") },
      { id: `e5r${i}`, metric: sm("Invocation5XXErrors", "Average") },
    );
    for (const p of PERCENTILES) {
      queries.push(
        { id: `mlus${p}${i}`, metric: sm("ModelLatency", p), hidden: true },
        { id: `ml${p}${i}`, expression: `mlus${p}${i} / 1000` },
      );
      queries.push({
        id: `cl${p}${i}`,
        metric: tenantMetric(ctx, "VariantLatency", p, [["Variant", v.variant]]),
      });
    }
  });
  const { grid, series } = await panelSeries(ctx, queries);
  return {
    timestamps: grid.timestamps,
    markers,
    variants: variants.map((v, i) => {
      const latency = (prefix: string) =>
        Object.fromEntries(PERCENTILES.map((p) => [p, series[`${prefix}${p}${i}`]!])) as VariantSeries["modelLatency"];
      return {
        ...v,
        invocations: series[`inv${i}`]!,
        rate4xx: series[`e4r${i}`]!,
        rate5xx: series[`e5r${i}`]!,
        modelLatency: latency("ml"),
        consoleLatency: latency("cl"),
        totals: { invocations: total(series[`inv${i}`]), errors4xx: total(series[`e4n${i}`]), errors5xx: total(series[`e5n${i}`]) },
      };
    }),
  };
}

async function endpointVariants(endpointName: string): Promise<Array<{ variant: string; modelVersion: string | null; shadow: boolean }>> {
  try {
    const { endpoint, variants } = await describeEndpointModels({ endpointName, withVersions: true });
    const of = (v: { VariantName?: string }, shadow: boolean) => ({
      variant: v.VariantName ?? "",
      modelVersion: variants.get(v.VariantName ?? "")?.modelVersion ?? null,
      shadow,
    });
    return [
      ...(endpoint.ProductionVariants ?? []).map((v) => of(v, false)),
      ...(endpoint.ShadowProductionVariants ?? []).map((v) => of(v, true)),
    ];
  } catch (error) {
    if (isSageMakerMissing(error)) return [];
    throw error;
  }
}
