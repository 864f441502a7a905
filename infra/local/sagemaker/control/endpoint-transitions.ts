import type { DeployedVariant, Deployment, EndpointRecord } from "../state/types";

/**
 * How an endpoint record changes when its pending change finishes. Pure functions over the record;
 * the lifecycle runner decides when to call them (after models load and the transition time passes).
 */
export function completePending(endpoint: EndpointRecord, now: number): void {
  const pending = endpoint.pending;
  if (!pending) return;
  if (pending.kind === "deploy") {
    endpoint.EndpointConfigName = pending.deployment.EndpointConfigName;
    const stamped = (v: DeployedVariant) => ({ ...v, deployedAt: now });
    endpoint.live = {
      ...pending.deployment,
      variants: pending.deployment.variants.map(stamped),
      shadowVariants: pending.deployment.shadowVariants?.map(stamped),
    };
  } else if (endpoint.live) {
    for (const variant of endpoint.live.variants) {
      variant.CurrentWeight = variant.DesiredWeight;
      variant.CurrentInstanceCount = variant.DesiredInstanceCount;
    }
  }
  endpoint.pending = undefined;
  endpoint.EndpointStatus = "InService";
  endpoint.LastModifiedTime = now;
}

/**
 * A first deployment that fails leaves the endpoint Failed. A failed update rolls back: the old
 * deployment keeps serving and the endpoint returns to InService with the reason recorded, as
 * SageMaker does after RollingBack.
 */
export function failPending(endpoint: EndpointRecord, reason: string, now: number): void {
  endpoint.pending = undefined;
  endpoint.FailureReason = reason;
  endpoint.LastModifiedTime = now;
  endpoint.EndpointStatus = endpoint.live ? "InService" : "Failed";
}

/** Desired values snap back to the current ones when a weights update is abandoned. */
export function resetDesired(live: Deployment | undefined): void {
  for (const variant of live?.variants ?? []) {
    variant.DesiredWeight = variant.CurrentWeight;
    variant.DesiredInstanceCount = variant.CurrentInstanceCount;
  }
}
