import type { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { getDeployment, type DeploymentRecord } from "@/lib/deployments/deployment-record";
import type { VariantSpec } from "@/lib/deployments/deployment-spec";
import { AppError } from "@/lib/errors/app-error";
import { getSettings } from "@/lib/settings/get-settings";
import { getTenant } from "@/lib/tenants/get-tenant";
import type { Tenant } from "@/lib/tenants/tenant";
import { variantHealth } from "./canary-health";
import { loadCandidate, productionOf, type CandidateDeps } from "./candidate";
import { GUARDRAIL_WINDOW_MS, judgeCanary, type PromotionGuardrails, type VariantHealth } from "./guardrails";

/** The error budget's promotion freeze (lib/error-budget: 30% of the budget burned within 7 days). */
export type BudgetFreeze = (input: {
  tenantId: string;
}) => Promise<{ frozen: boolean; frozenSince: string | null; frozenUntil: string | null }>;

export interface PromotionCheckDeps extends CandidateDeps {
  cloudWatch?: Pick<CloudWatchClient, "send">;
  /** Overrides the tenant's settings (tests). */
  guardrails?: PromotionGuardrails;
  budgetFreeze: BudgetFreeze;
}

/** A refusal with its code, the one error body's `code` when the promotion is asked for. */
export interface PromotionBlocker {
  code: "budget_frozen" | "canary_too_few_requests" | "canary_unhealthy";
  message: string;
  details: Record<string, unknown>;
}

/**
 * What a promotion of `variant` would be judged on now, and every reason it would be refused, in
 * the order promoteCanary applies them (the first is the answer a POST would get). The Models page
 * shows it (GET /api/endpoints/{name}/promote); the POST runs the same check and refuses on its first
 * blocker, so what the page says and what the server does cannot differ.
 */
export interface PromotionCheck {
  endpointName: string;
  variant: string;
  canaryVersion: number;
  canaryWeight: number;
  productionVariant: string;
  productionVersion: number;
  guardrails: PromotionGuardrails;
  health: { canary: VariantHealth; production: VariantHealth };
  freeze: Awaited<ReturnType<BudgetFreeze>>;
  allowed: boolean;
  blockers: PromotionBlocker[];
}

export interface CheckedPromotion {
  tenant: Tenant;
  deployment: DeploymentRecord;
  canary: VariantSpec;
  check: PromotionCheck;
}

/**
 * Loads the canary (409 `no_canary` when there is none serving traffic, `model_not_approved` when its
 * version lost its approval) and judges it: the error budget's freeze, then the canary's requests,
 * 5xx rate and p95 latency over the last hour against production's, by the tenant's guardrails.
 */
export async function checkPromotion(
  input: { tenantId: string; variant: string; now?: Date },
  deps: PromotionCheckDeps,
): Promise<CheckedPromotion> {
  const { tenant, deployment, canary } = await loadCanary(input, deps);
  const production = productionOf(deployment);
  await loadCandidate({ tenantId: input.tenantId, version: canary.modelVersion }, deps);
  const guardrails = deps.guardrails ?? {
    ...(await getSettings({ tenantId: input.tenantId }, deps)).settings.promotionGuardrails,
    windowMs: GUARDRAIL_WINDOW_MS,
  };
  const [freeze, health] = await Promise.all([
    deps.budgetFreeze({ tenantId: input.tenantId }),
    variantHealth(
      {
        endpointName: tenant.endpointName,
        variants: [production.variantName, canary.variantName],
        windowMs: guardrails.windowMs,
        now: input.now ?? deps.now?.(),
      },
      deps.cloudWatch,
    ),
  ]);
  const blockers: PromotionBlocker[] = [];
  if (freeze.frozen) {
    blockers.push({
      code: "budget_frozen",
      message: `Promotions are frozen${freeze.frozenUntil ? ` until ${freeze.frozenUntil}` : ""}: the error budget burned too fast`,
      details: freeze,
    });
  }
  const verdict = judgeCanary(health[canary.variantName]!, health[production.variantName]!, guardrails);
  if (!verdict.ok) blockers.push({ code: verdict.code, message: verdict.message, details: verdict.details });
  const check: PromotionCheck = {
    endpointName: tenant.endpointName,
    variant: canary.variantName,
    canaryVersion: canary.modelVersion,
    canaryWeight: canary.weight,
    productionVariant: production.variantName,
    productionVersion: production.modelVersion,
    guardrails,
    health: { canary: health[canary.variantName]!, production: health[production.variantName]! },
    freeze,
    allowed: blockers.length === 0,
    blockers,
  };
  return { tenant, deployment, canary, check };
}

async function loadCanary(input: { tenantId: string; variant: string }, deps: CandidateDeps) {
  const tenant = await (deps.getTenant ?? getTenant)({ tenantId: input.tenantId });
  if (!tenant) throw new AppError("not_found", "Tenant not found");
  const deployment = await getDeployment({ tenantId: input.tenantId, endpointName: tenant.endpointName }, deps);
  const canary = deployment?.spec.variants.find((v) => v.variantName === input.variant);
  if (!deployment || !canary || canary.role !== "canary") {
    throw new AppError("no_canary", `There is no canary variant "${input.variant}" on ${tenant.endpointName} to promote`);
  }
  if (canary.weight <= 0) throw new AppError("no_canary", `The canary "${input.variant}" serves no traffic (it was rolled back)`);
  return { tenant, deployment, canary };
}
