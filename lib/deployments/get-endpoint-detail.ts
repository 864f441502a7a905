import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { isSageMakerMissing } from "@/lib/aws/missing";
import type { StoreDeps } from "@/lib/db/store";
import { AppError } from "@/lib/errors/app-error";
import { getDeployment, type DeploymentKind, type DeploymentRecord } from "./deployment-record";
import type { DeploymentSpec, VariantRole } from "./deployment-spec";
import { describeEndpointModels } from "./describe-endpoint-models";
import { planRollback } from "./plan-rollback";
import { trafficStateOf, type TrafficState } from "./rollback-event";
import { trafficShares } from "./traffic-share";

export interface EndpointDetailVariant {
  variantName: string;
  role: VariantRole | "shadow" | null;
  /** From the deployment record (the model package version); null for a variant it does not know. */
  modelVersion: number | null;
  modelName: string | null;
  instanceType: string | null;
  /** What SageMaker routes by now, and what it is moving to during an update. */
  currentWeight: number;
  desiredWeight: number | null;
  trafficShare: number;
  currentInstanceCount: number | null;
  status: string | null;
}

/** GET /api/endpoints/{name}: SageMaker's live view joined with the deployment record, and what a rollback would do. */
export interface EndpointDetail {
  endpointName: string;
  status: string;
  failureReason: string | null;
  endpointConfigName: string;
  lastModifiedAt: string | null;
  variants: EndpointDetailVariant[];
  deployment: {
    /** Send back as expectedVersion with a weight change. */
    version: number;
    kind: DeploymentKind;
    actor: string;
    reason: string | null;
    updatedAt: string;
    endpointConfigName: string;
    spec: DeploymentSpec;
    previousEndpointConfigName: string | null;
    rollbackInProgress: boolean;
  } | null;
  /** The diff the rollback confirmation shows, or why there is nothing to roll back. */
  rollback:
    | { available: true; mode: "weights" | "restore_config"; before: TrafficState; after: TrafficState }
    | { available: false; reason: string };
}

export type EndpointDetailDeps = StoreDeps & { sageMaker?: Pick<SageMakerClient, "send"> };

/**
 * The tenant's endpoint by name. Only an endpoint the tenant has a deployment record for is
 * looked up at all, so another tenant's endpoint name is a 404 like any unknown one.
 */
export async function getEndpointDetail(
  input: { tenantId: string; endpointName: string },
  deps: EndpointDetailDeps = {},
): Promise<EndpointDetail> {
  const record = await getDeployment(input, deps);
  if (!record) throw new AppError("not_found", `Endpoint ${input.endpointName} not found`);
  let described;
  try {
    described = await describeEndpointModels({ endpointName: input.endpointName }, { sageMaker: deps.sageMaker });
  } catch (error) {
    if (isSageMakerMissing(error)) throw new AppError("not_found", `Endpoint ${input.endpointName} not found in SageMaker`);
    throw new AppError("unavailable", "SageMaker did not answer; try again shortly", { cause: error });
  }
  const { endpoint, variants: models } = described;
  const live = endpoint.ProductionVariants ?? [];
  const shares = trafficShares(live.map((v) => v.CurrentWeight ?? 0));
  const specOf = (name: string) => record.spec.variants.find((v) => v.variantName === name);
  const variants: EndpointDetailVariant[] = live.map((v, i) => {
    const name = v.VariantName ?? `variant-${i + 1}`;
    return {
      variantName: name,
      role: specOf(name)?.role ?? null,
      modelVersion: specOf(name)?.modelVersion ?? null,
      modelName: models.get(name)?.modelName ?? null,
      instanceType: models.get(name)?.instanceType ?? null,
      currentWeight: v.CurrentWeight ?? 0,
      desiredWeight: v.DesiredWeight ?? null,
      trafficShare: shares[i] ?? 0,
      currentInstanceCount: v.CurrentInstanceCount ?? null,
      status: v.VariantStatus?.map((s) => s.Status).join(", ") || null,
    };
  });
  for (const shadow of endpoint.ShadowProductionVariants ?? []) {
    const spec = record.spec.shadowVariants.find((v) => v.variantName === shadow.VariantName);
    variants.push({
      variantName: shadow.VariantName ?? "shadow",
      role: "shadow",
      modelVersion: spec?.modelVersion ?? null,
      modelName: null,
      instanceType: spec?.instanceType ?? null,
      currentWeight: shadow.CurrentWeight ?? 0,
      desiredWeight: shadow.DesiredWeight ?? null,
      trafficShare: 0,
      currentInstanceCount: shadow.CurrentInstanceCount ?? null,
      status: shadow.VariantStatus?.map((s) => s.Status).join(", ") || null,
    });
  }
  return {
    endpointName: input.endpointName,
    status: endpoint.EndpointStatus ?? "Unknown",
    failureReason: endpoint.FailureReason ?? null,
    endpointConfigName: endpoint.EndpointConfigName ?? "",
    lastModifiedAt: endpoint.LastModifiedTime?.toISOString() ?? null,
    variants,
    deployment: deploymentView(record),
    rollback: rollbackPreview(record),
  };
}

function deploymentView(record: DeploymentRecord): EndpointDetail["deployment"] {
  return {
    version: record.version,
    kind: record.kind,
    actor: record.actor,
    reason: record.reason,
    updatedAt: record.updatedAt,
    endpointConfigName: record.endpointConfigName,
    spec: record.spec,
    previousEndpointConfigName: record.previous?.endpointConfigName ?? null,
    rollbackInProgress: record.rollback !== null,
  };
}

export function rollbackPreview(record: DeploymentRecord): EndpointDetail["rollback"] {
  if (record.rollback) return { available: false, reason: `A rollback by ${record.rollback.actor} is in progress` };
  const plan = planRollback(record);
  if (plan.kind === "already") return { available: false, reason: "Already rolled back: the last change was a rollback" };
  if (plan.kind === "nothing") return { available: false, reason: "No canary is live and the last deployment was not a promotion" };
  return {
    available: true,
    mode: plan.kind,
    before: trafficStateOf(record.spec, record.endpointConfigName),
    after: trafficStateOf(plan.after, plan.endpointConfigName),
  };
}
