import type { StoreDeps } from "@/lib/db/store";
import { getDeployment, type DeploymentRecord } from "@/lib/deployments/deployment-record";
import { AppError } from "@/lib/errors/app-error";
import { listModelVersions, type ModelDeps } from "@/lib/models/list-model-versions";
import type { ModelVersion } from "@/lib/models/model-version";
import { getTenant } from "@/lib/tenants/get-tenant";
import type { Tenant } from "@/lib/tenants/tenant";

export type CandidateDeps = StoreDeps & ModelDeps;

/** The tenant, its endpoint's deployment record and the registry version asked for. */
export interface CandidateContext {
  tenant: Tenant;
  deployment: DeploymentRecord;
  version: ModelVersion;
}

/**
 * What every promotion step starts from. Only Approved versions may serve or shadow traffic:
 * anything else is refused with `model_not_approved` (409), the same answer whether the version is
 * pending or rejected. A backtest touches no live traffic, so it may replay any version
 * (`requireApproved: false`): seeing a pending version decide badly is what it is for.
 */
export async function loadCandidate(
  input: { tenantId: string; version: number; requireApproved?: boolean },
  deps: CandidateDeps = {},
): Promise<CandidateContext> {
  const tenant = await (deps.getTenant ?? getTenant)({ tenantId: input.tenantId });
  if (!tenant) throw new AppError("not_found", "Tenant not found");
  const versions = await listModelVersions({ tenantId: input.tenantId }, deps);
  const version = versions.find((v) => v.version === input.version);
  if (!version) throw new AppError("not_found", `Model version ${input.version} not found`);
  if (input.requireApproved !== false && version.approvalStatus !== "Approved") {
    throw new AppError(
      "model_not_approved",
      `Version ${input.version} is ${version.approvalStatus}: only approved versions may be deployed`,
      {
        details: { version: input.version, approvalStatus: version.approvalStatus },
      },
    );
  }
  const deployment = await getDeployment({ tenantId: input.tenantId, endpointName: tenant.endpointName }, deps);
  if (!deployment) throw new AppError("deployment_conflict", `Endpoint ${tenant.endpointName} has no deployment yet`);
  return { tenant, deployment, version };
}

/** The production variant of a spec (deploy-core's spec requires one). */
export function productionOf(deployment: DeploymentRecord) {
  const production = deployment.spec.variants.find((v) => v.role === "production");
  if (!production) throw new AppError("deployment_conflict", "The endpoint has no production variant");
  return production;
}
