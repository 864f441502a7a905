import { DescribeEndpointCommand, type SageMakerClient } from "@aws-sdk/client-sagemaker";
import { sageMakerClient } from "@/lib/aws/clients";
import { isSageMakerMissing } from "@/lib/aws/missing";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { getTenant } from "@/lib/tenants/get-tenant";
import type { Tenant } from "@/lib/tenants/tenant";
import { CAPTURE_PREFIX, parseDestination, type CaptureDestination } from "./capture-layout";

export interface CaptureSource {
  tenant: Tenant;
  endpointName: string;
  destination: CaptureDestination;
}

export interface CaptureSourceDeps {
  sageMaker?: Pick<SageMakerClient, "send">;
  getTenant?: (input: { tenantId: string }) => Promise<Tenant | null>;
}

/**
 * Where a tenant endpoint's capture is: the endpoint's DataCaptureConfig.DestinationS3Uri
 * (DescribeEndpoint's DataCaptureConfigSummary), else — an endpoint deleted or with capture off now
 * still has the capture it wrote — where our deployments put it, `s3://<CAPTURE_BUCKET>/datacapture`.
 * An endpoint that is not the tenant's is not found, as if it did not exist.
 */
export async function captureSource(
  input: { tenantId: string; endpointName: string },
  deps: CaptureSourceDeps = {},
): Promise<CaptureSource> {
  const tenant = await (deps.getTenant ?? getTenant)({ tenantId: input.tenantId });
  if (!tenant || tenant.endpointName !== input.endpointName) throw new AppError("not_found", "Endpoint not found");
  let uri: string | undefined;
  try {
    const described = await (deps.sageMaker ?? sageMakerClient()).send(new DescribeEndpointCommand({ EndpointName: input.endpointName }));
    uri = described.DataCaptureConfig?.DestinationS3Uri;
  } catch (error) {
    if (!isSageMakerMissing(error)) throw error;
  }
  const destination = (uri && parseDestination(uri)) || { bucket: env().CAPTURE_BUCKET, prefix: CAPTURE_PREFIX };
  return { tenant, endpointName: input.endpointName, destination };
}
