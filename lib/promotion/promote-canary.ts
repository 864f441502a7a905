import type { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { deploy, type DeploymentDeps } from "@/lib/deployments/deploy";
import { getDeployment, type DeploymentRecord } from "@/lib/deployments/deployment-record";
import type { DeploymentSpec } from "@/lib/deployments/deployment-spec";
import { AppError } from "@/lib/errors/app-error";
import { getTenant } from "@/lib/tenants/get-tenant";
import { variantHealth } from "./canary-health";
import { loadCandidate, productionOf, type CandidateDeps } from "./candidate";
import { DEFAULT_PROMOTION_GUARDRAILS, judgeCanary, type PromotionGuardrails } from "./guardrails";

/** The error budget's promotion freeze (lib/error-budget: 30% of the budget burned within 7 days). */
export type BudgetFreeze = (input: {
  tenantId: string;
}) => Promise<{ frozen: boolean; frozenSince: string | null; frozenUntil: string | null }>;

export interface PromoteDeps extends CandidateDeps, DeploymentDeps {
  cloudWatch?: Pick<CloudWatchClient, "send">;
  guardrails?: PromotionGuardrails;
  budgetFreeze: BudgetFreeze;
}

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
 * previous config and a rollback restores it. Refused on the server (409, nothing changed) while
 * the error budget is frozen (`budget_frozen`), while the canary has served too few requests in
 * the last hour (`canary_too_few_requests`), or while its 5xx rate or p95 latency is worse than
 * production's beyond the tolerances (`canary_unhealthy`; guardrails.ts has the defaults), and
 * when its version is no longer approved.
 */
export async function promoteCanary(input: PromoteInput, deps: PromoteDeps): Promise<DeploymentRecord> {
  const { tenantId } = input;
  const { tenant, deployment } = await loadCanary(input, deps);
  const production = productionOf(deployment);
  const canary = deployment.spec.variants.find((v) => v.variantName === input.variant)!;
  await loadCandidate({ tenantId, version: canary.modelVersion }, deps);

  const freeze = await deps.budgetFreeze({ tenantId });
  if (freeze.frozen) {
    throw new AppError(
      "budget_frozen",
      `Promotions are frozen${freeze.frozenUntil ? ` until ${freeze.frozenUntil}` : ""}: the error budget burned too fast`,
      {
        details: freeze,
      },
    );
  }
  const guardrails = deps.guardrails ?? DEFAULT_PROMOTION_GUARDRAILS;
  const health = await variantHealth(
    {
      endpointName: tenant.endpointName,
      variants: [production.variantName, canary.variantName],
      windowMs: guardrails.windowMs,
      now: deps.now?.(),
    },
    deps.cloudWatch,
  );
  const verdict = judgeCanary(health[canary.variantName]!, health[production.variantName]!, guardrails);
  if (!verdict.ok) throw new AppError(verdict.code, verdict.message, { details: verdict.details });

  return deploy(
    {
      tenantId,
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

async function loadCanary(input: PromoteInput, deps: PromoteDeps) {
  const tenant = await (deps.getTenant ?? getTenant)({ tenantId: input.tenantId });
  if (!tenant) throw new AppError("not_found", "Tenant not found");
  const deployment = await getDeployment({ tenantId: input.tenantId, endpointName: tenant.endpointName }, deps);
  const canary = deployment?.spec.variants.find((v) => v.variantName === input.variant);
  if (!deployment || !canary || canary.role !== "canary") {
    throw new AppError("no_canary", `There is no canary variant "${input.variant}" on ${tenant.endpointName} to promote`);
  }
  if (canary.weight <= 0) throw new AppError("no_canary", `The canary "${input.variant}" serves no traffic (it was rolled back)`);
  return { tenant, deployment };
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
