import { listDeploymentHistory } from "@/lib/deployments/deployment-record";
import type { StoreDeps } from "@/lib/db/store";
import { AppError } from "@/lib/errors/app-error";
import { captureReader } from "./backtest/capture-reader";
import { loadCandidate, productionOf, type CandidateDeps } from "./candidate";
import { compareShadow } from "./compare-shadow";
import type { Comparison } from "./comparison";

export interface ShadowComparisonView {
  version: number;
  endpointName: string;
  productionVariant: string;
  productionVersion: number;
  /** When this version became the shadow (the deployment history), and the window compared. */
  shadowSince: string | null;
  from: string;
  to: string;
  comparison: Comparison;
}

/**
 * GET /api/models/{version}/comparison: the shadow's comparison with production over [from, to],
 * by default from when this version became the shadow until now. The version must be the shadow
 * the endpoint runs now (the production variant it copies is the current one).
 */
export async function getShadowComparison(
  input: { tenantId: string; version: number; from?: string; to?: string },
  deps: CandidateDeps & StoreDeps = {},
): Promise<ShadowComparisonView> {
  const { tenant, deployment } = await loadCandidate({ ...input, requireApproved: false }, deps);
  if (!deployment.spec.shadowVariants.some((s) => s.modelVersion === input.version)) {
    throw new AppError("deployment_conflict", `Version ${input.version} is not running as a shadow on ${tenant.endpointName}`);
  }
  const production = productionOf(deployment);
  const history = await listDeploymentHistory({ tenantId: input.tenantId, endpointName: tenant.endpointName }, deps);
  const since = history.find((h) => h.kind === "shadow" && h.spec.shadowVariants.some((s) => s.modelVersion === input.version))?.at ?? null;
  const to = input.to ?? (deps.now?.() ?? new Date()).toISOString();
  const from = input.from ?? since ?? new Date(Date.parse(to) - 3_600_000).toISOString();
  if (Date.parse(from) >= Date.parse(to)) throw new AppError("bad_request", "from must be before to", { details: { from, to } });
  const comparison = await compareShadow(
    { tenantId: input.tenantId, endpointName: tenant.endpointName, productionVariant: production.variantName, from, to },
    { ...deps, capture: captureReader({ tenantId: input.tenantId }) },
  );
  return {
    version: input.version,
    endpointName: tenant.endpointName,
    productionVariant: production.variantName,
    productionVersion: production.modelVersion,
    shadowSince: since,
    from,
    to,
    comparison,
  };
}
