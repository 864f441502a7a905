import { deploy, type DeploymentDeps } from "@/lib/deployments/deploy";
import type { DeploymentRecord } from "@/lib/deployments/deployment-record";
import type { DeploymentSpec } from "@/lib/deployments/deployment-spec";
import { AppError } from "@/lib/errors/app-error";
import { checkPromotion, type PromotionCheckDeps } from "./check-promotion";

export type { BudgetFreeze } from "./check-promotion";

export interface PromoteDeps extends PromotionCheckDeps, DeploymentDeps {}

export interface PromoteInput {
  tenantId: string;
  /** The canary variant to promote. */
  variant: string;
  actor: string;
  reason: string;
}

/**
 * Promotes the canary to 100%: a new endpoint config where production serves the canary's version
 * alone (the old production variant retired), through lib/deployments, so the record keeps the
 * previous config and a rollback restores it. Refused on the server (409, nothing changed) with the
 * first blocker checkPromotion finds: the error budget frozen (`budget_frozen`), too few canary
 * requests in the last hour (`canary_too_few_requests`), its 5xx rate or p95 latency worse than
 * production's beyond the tenant's guardrails (`canary_unhealthy`; defaults in guardrails.ts), and
 * before those no live canary (`no_canary`) or a version no longer approved (`model_not_approved`).
 */
export async function promoteCanary(input: PromoteInput, deps: PromoteDeps): Promise<DeploymentRecord> {
  const { tenant, deployment, check } = await checkPromotion(input, deps);
  const blocker = check.blockers[0];
  if (blocker) throw new AppError(blocker.code, blocker.message, { details: blocker.details });
  return deploy(
    {
      tenantId: input.tenantId,
      endpointName: tenant.endpointName,
      spec: promotedSpec(deployment.spec, input.variant),
      kind: "promotion",
      actor: input.actor,
      reason: input.reason,
      expectedVersion: deployment.version,
    },
    deps,
  );
}

/** Production serves the canary's version alone, on the canary's instances; shadows and other variants retire. */
export function promotedSpec(current: DeploymentSpec, canaryName: string): DeploymentSpec {
  const production = current.variants.find((v) => v.role === "production")!;
  const canary = current.variants.find((v) => v.variantName === canaryName)!;
  return {
    ...current,
    variants: [
      {
        ...production,
        modelVersion: canary.modelVersion,
        instanceCount: canary.instanceCount,
        instanceType: canary.instanceType,
        weight: 1,
      },
    ],
    shadowVariants: [],
  };
}
