import { createHash } from "node:crypto";
import type { DeployedVariant, Deployment, EndpointRecord, Json } from "../state/types";
import { seconds } from "./list";

/** DescribeEndpoint's answer, built from the stored record. */
export function describeEndpointView(endpoint: EndpointRecord): Json {
  const { live, pending } = endpoint;
  const shown = live ?? (pending?.kind === "deploy" ? pending.deployment : undefined);
  const variantStatus = variantStatusOf(endpoint);
  const view: Json = {
    EndpointName: endpoint.EndpointName,
    EndpointArn: endpoint.EndpointArn,
    EndpointConfigName: live?.EndpointConfigName ?? endpoint.EndpointConfigName,
    EndpointStatus: endpoint.EndpointStatus,
    FailureReason: endpoint.FailureReason,
    CreationTime: seconds(endpoint.CreationTime),
    LastModifiedTime: seconds(endpoint.LastModifiedTime),
    ProductionVariants: shown?.variants.map((v) => variantView(v, variantStatus)),
    ShadowProductionVariants: shown?.shadowVariants?.length ? shown.shadowVariants.map((v) => variantView(v, variantStatus)) : undefined,
    DataCaptureConfig: shown ? dataCaptureSummary(shown) : undefined,
    ExplainerConfig: shown?.ExplainerConfig,
  };
  if (live && pending?.kind === "deploy") {
    view.PendingDeploymentSummary = {
      EndpointConfigName: pending.deployment.EndpointConfigName,
      StartTime: seconds(pending.startedAt),
      ProductionVariants: pending.deployment.variants.map((v) => ({
        ...variantView(v, [{ Status: "Creating", StartTime: seconds(pending.startedAt) }]),
        CurrentWeight: undefined,
        CurrentInstanceCount: undefined,
      })),
    };
  }
  return view;
}

function variantStatusOf(endpoint: EndpointRecord): Json[] | undefined {
  const { pending } = endpoint;
  if (!pending) return undefined;
  if (!endpoint.live) return [{ Status: "Creating", StartTime: seconds(pending.startedAt) }];
  if (pending.kind === "weights") return [{ Status: "Updating", StartTime: seconds(pending.startedAt) }];
  return undefined;
}

function variantView(variant: DeployedVariant, status: Json[] | undefined): Json {
  const image = variant.container.Image;
  return {
    VariantName: variant.VariantName,
    DeployedImages: image
      ? [{ SpecifiedImage: image, ResolvedImage: resolvedImage(image), ResolutionTime: seconds(variant.deployedAt) }]
      : undefined,
    CurrentWeight: variant.CurrentWeight,
    DesiredWeight: variant.DesiredWeight,
    CurrentInstanceCount: variant.CurrentInstanceCount,
    DesiredInstanceCount: variant.DesiredInstanceCount,
    VariantStatus: status,
  };
}

/** SageMaker pins the image tag to a digest at deployment; a stable fake digest stands in. */
function resolvedImage(image: string): string {
  const repository = image.split(":")[0] ?? image;
  return `${repository}@sha256:${createHash("sha256").update(image).digest("hex")}`;
}

function dataCaptureSummary(deployment: Deployment): Json | undefined {
  const capture = deployment.DataCaptureConfig;
  if (!capture) return undefined;
  const enabled = capture.EnableCapture !== false;
  return {
    EnableCapture: enabled,
    CaptureStatus: enabled ? "Started" : "Stopped",
    CurrentSamplingPercentage: capture.InitialSamplingPercentage,
    DestinationS3Uri: capture.DestinationS3Uri,
  };
}
