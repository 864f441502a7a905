import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { AppError } from "@/lib/errors/app-error";
import { getTenant } from "@/lib/tenants/get-tenant";
import type { Tenant } from "@/lib/tenants/tenant";
import { isSageMakerMissing } from "@/lib/aws/missing";
import { describeEndpointModels, type EndpointModels } from "./describe-endpoint-models";
import type { EndpointLookup, VariantOverview } from "./endpoint-overview";
import { trafficShares } from "./traffic-share";

export interface EndpointDeps {
  sageMaker?: Pick<SageMakerClient, "send">;
  getTenant?: (input: { tenantId: string }) => Promise<Tenant | null>;
}

/**
 * The tenant's endpoint as SageMaker reports it: status, and per variant its model (from the
 * endpoint config) and current weight as a share of traffic. A missing endpoint is an answer
 * (found: false), not an error; an unreachable SageMaker is `unavailable`.
 */
export async function getEndpointOverview(input: { tenantId: string }, deps: EndpointDeps = {}): Promise<EndpointLookup> {
  const tenant = await (deps.getTenant ?? getTenant)({ tenantId: input.tenantId });
  if (!tenant) throw new AppError("not_found", "Tenant not found");
  let described: EndpointModels;
  try {
    described = await describeEndpointModels({ endpointName: tenant.endpointName }, { sageMaker: deps.sageMaker });
  } catch (error) {
    if (isSageMakerMissing(error)) return { found: false, endpointName: tenant.endpointName };
    throw new AppError("unavailable", "SageMaker did not answer; try again shortly", { cause: error });
  }
  const { endpoint, variants: models } = described;
  const variants = endpoint.ProductionVariants ?? [];
  const shares = trafficShares(variants.map((v) => v.CurrentWeight ?? 0));
  return {
    found: true,
    endpoint: {
      endpointName: endpoint.EndpointName ?? tenant.endpointName,
      endpointConfigName: endpoint.EndpointConfigName ?? "",
      status: endpoint.EndpointStatus ?? "Unknown",
      failureReason: endpoint.FailureReason ?? null,
      createdAt: endpoint.CreationTime?.toISOString() ?? null,
      lastModifiedAt: endpoint.LastModifiedTime?.toISOString() ?? null,
      dataCaptureEnabled: endpoint.DataCaptureConfig?.EnableCapture ?? false,
      variants: variants.map((v, i): VariantOverview => ({
        variantName: v.VariantName ?? `variant-${i + 1}`,
        modelName: models.get(v.VariantName ?? "")?.modelName ?? null,
        instanceType: models.get(v.VariantName ?? "")?.instanceType ?? null,
        currentWeight: v.CurrentWeight ?? 0,
        desiredWeight: v.DesiredWeight ?? null,
        trafficShare: shares[i] ?? 0,
        currentInstanceCount: v.CurrentInstanceCount ?? null,
        status: v.VariantStatus?.map((s) => s.Status).join(", ") || null,
      })),
    },
  };
}
