import {
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  type DescribeEndpointCommandOutput,
  type SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { AppError } from "@/lib/errors/app-error";
import { sageMakerClient } from "@/lib/aws/clients";
import { getTenant } from "@/lib/tenants/get-tenant";
import type { Tenant } from "@/lib/tenants/tenant";
import { isMissingResource } from "./sagemaker-errors";
import type { EndpointLookup, VariantOverview } from "./endpoint-overview";
import { trafficShares } from "./traffic-share";

export interface EndpointDeps {
  sageMaker?: Pick<SageMakerClient, "send">;
  getTenant?: (tenantId: string) => Promise<Tenant | null>;
}

/**
 * The tenant's endpoint as SageMaker reports it: status, and per variant its model (from the
 * endpoint config) and current weight as a share of traffic. A missing endpoint is an answer
 * (found: false), not an error; an unreachable SageMaker is `unavailable`.
 */
export async function getEndpointOverview(input: { tenantId: string }, deps: EndpointDeps = {}): Promise<EndpointLookup> {
  const tenant = await (deps.getTenant ?? getTenant)(input.tenantId);
  if (!tenant) throw new AppError("not_found", "Tenant not found");
  const sageMaker = deps.sageMaker ?? sageMakerClient();

  let endpoint: DescribeEndpointCommandOutput;
  try {
    endpoint = await sageMaker.send(new DescribeEndpointCommand({ EndpointName: tenant.endpointName }));
  } catch (error) {
    if (isMissingResource(error)) return { found: false, endpointName: tenant.endpointName };
    throw new AppError("unavailable", "SageMaker did not answer; try again shortly", { cause: error });
  }

  const models = await variantModels(sageMaker, endpoint.EndpointConfigName);
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

/** Variant → model, from the endpoint config; an unreadable config leaves models unknown. */
async function variantModels(
  sageMaker: Pick<SageMakerClient, "send">,
  configName: string | undefined,
): Promise<Map<string, { modelName: string | null; instanceType: string | null }>> {
  if (!configName) return new Map();
  try {
    const config = await sageMaker.send(new DescribeEndpointConfigCommand({ EndpointConfigName: configName }));
    return new Map(
      (config.ProductionVariants ?? []).map((v) => [
        v.VariantName ?? "",
        { modelName: v.ModelName ?? null, instanceType: v.InstanceType ?? null },
      ]),
    );
  } catch (error) {
    if (isMissingResource(error)) return new Map();
    throw new AppError("unavailable", "SageMaker did not answer; try again shortly", { cause: error });
  }
}
