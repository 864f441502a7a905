import { deploy, type DeploymentDeps } from "@/lib/deployments/deploy";
import type { DeploymentRecord } from "@/lib/deployments/deployment-record";
import type { DeploymentSpec } from "@/lib/deployments/deployment-spec";
import { AppError } from "@/lib/errors/app-error";
import { SHADOW_VARIANT } from "./backtest/capture-source";
import { loadCandidate, productionOf, type CandidateDeps } from "./candidate";

export const CANARY_VARIANT = "canary";
/** A canary's share of traffic, in percent: small enough to be a canary, at most half (SageMaker's CanarySize cap). */
export const MIN_CANARY_PERCENT = 1;
export const MAX_CANARY_PERCENT = 50;
export const DEFAULT_CANARY_PERCENT = 10;

export interface DeployCandidateInput {
  tenantId: string;
  version: number;
  mode: "shadow" | "canary";
  /** Canary share in percent (default 10). */
  weight?: number;
  actor: string;
  reason?: string | null;
}

/**
 * Deploys an approved version beside production, through lib/deployments (a new endpoint config
 * and UpdateEndpoint, recorded in the history and audited):
 * - shadow: a ShadowProductionVariant that gets a copy of every request; its answers are captured
 *   under the variant `shadow` and never returned. SageMaker allows a shadow only beside exactly
 *   one production variant, so a live canary must be promoted or rolled back first.
 * - canary: a second production variant on `weight`% of the traffic (production keeps the rest);
 *   a shadow, if any, is retired in the same config (SageMaker forbids a shadow beside two variants).
 */
export async function deployCandidate(input: DeployCandidateInput, deps: CandidateDeps & DeploymentDeps = {}): Promise<DeploymentRecord> {
  const { tenant, deployment } = await loadCandidate(input, deps);
  const production = productionOf(deployment);
  if (production.modelVersion === input.version) {
    throw new AppError("deployment_conflict", `Version ${input.version} already serves production`);
  }
  const spec: DeploymentSpec =
    input.mode === "shadow" ? shadowSpec(deployment.spec, input.version) : canarySpec(deployment.spec, input.version, input.weight);
  return deploy(
    {
      tenantId: input.tenantId,
      endpointName: tenant.endpointName,
      spec,
      kind: input.mode,
      actor: input.actor,
      reason:
        input.reason ??
        `Deploy version ${input.version} as ${input.mode === "shadow" ? "a shadow" : `a ${canaryPercent(input.weight)}% canary`}`,
      expectedVersion: deployment.version,
    },
    deps,
  );
}

function canaryPercent(weight: number | undefined): number {
  return weight ?? DEFAULT_CANARY_PERCENT;
}

export function shadowSpec(current: DeploymentSpec, version: number): DeploymentSpec {
  const live = current.variants.filter((v) => v.weight > 0 || v.role === "production");
  if (live.length !== 1) {
    throw new AppError("deployment_conflict", "A shadow needs production alone on the endpoint: promote or roll back the canary first");
  }
  const production = live[0]!;
  return {
    ...current,
    variants: [production],
    shadowVariants: [
      {
        variantName: SHADOW_VARIANT,
        modelVersion: version,
        weight: 1,
        instanceCount: production.instanceCount,
        instanceType: production.instanceType,
      },
    ],
  };
}

export function canarySpec(current: DeploymentSpec, version: number, weight: number | undefined): DeploymentSpec {
  const percent = canaryPercent(weight);
  if (!Number.isFinite(percent) || percent < MIN_CANARY_PERCENT || percent > MAX_CANARY_PERCENT) {
    throw new AppError("bad_request", `A canary's weight is between ${MIN_CANARY_PERCENT} and ${MAX_CANARY_PERCENT} percent`);
  }
  const production = current.variants.find((v) => v.role === "production")!;
  return {
    ...current,
    variants: [
      { ...production, weight: 100 - percent },
      {
        variantName: CANARY_VARIANT,
        role: "canary",
        modelVersion: version,
        weight: percent,
        instanceCount: production.instanceCount,
        instanceType: production.instanceType,
      },
    ],
    shadowVariants: [],
  };
}
