import type { S3Client } from "@aws-sdk/client-s3";
import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { AppError } from "@/lib/errors/app-error";
import type { StoreDeps } from "@/lib/db/store";
import { versionActions, type VersionActions } from "@/lib/promotion/version-actions";
import { getSettings } from "@/lib/settings/get-settings";
import type { ApprovalGates } from "@/lib/settings/tenant-settings";
import { getTenant } from "@/lib/tenants/get-tenant";
import type { Tenant } from "@/lib/tenants/tenant";
import { describeModelVersion, type ModelVersionDetails } from "./describe-model-version";
import { listModelVersions } from "./list-model-versions";
import { getVersionDeployments, type VersionDeployment } from "./version-deployments";

/** A row of the promotion screen (Models page, GET /api/models). */
export interface ModelVersionView extends ModelVersionDetails {
  deployments: VersionDeployment[];
  actions: VersionActions;
}

export interface ModelsOverview {
  modelPackageGroupName: string;
  endpointName: string;
  /** SageMaker's EndpointStatus: the page follows a deployment until InService. */
  endpointStatus: string | null;
  productionVersion: number | null;
  gates: ApprovalGates;
  versions: ModelVersionView[];
}

export interface ModelsOverviewDeps extends StoreDeps {
  sageMaker?: Pick<SageMakerClient, "send">;
  s3?: Pick<S3Client, "send">;
  getTenant?: (input: { tenantId: string }) => Promise<Tenant | null>;
}

/** The tenant's versions, newest first, with approval, evaluation, deployments and the allowed actions. */
export async function getModelsOverview(
  input: { tenantId: string; version?: number },
  deps: ModelsOverviewDeps = {},
): Promise<ModelsOverview> {
  const tenant = await (deps.getTenant ?? getTenant)({ tenantId: input.tenantId });
  if (!tenant) throw new AppError("not_found", "Tenant not found");
  const listed = await listModelVersions({ tenantId: input.tenantId }, { ...deps, getTenant: () => Promise.resolve(tenant) });
  const wanted = input.version === undefined ? listed : listed.filter((v) => v.version === input.version);
  if (input.version !== undefined && wanted.length === 0) throw new AppError("not_found", `Version ${input.version} is not registered`);
  const [{ settings }, deployments, details] = await Promise.all([
    getSettings({ tenantId: input.tenantId }, deps),
    sageMakerCall(() => getVersionDeployments({ endpointName: tenant.endpointName }, deps)),
    sageMakerCall(() => Promise.all(wanted.map((v) => describeModelVersion(v, deps)))),
  ]);
  return {
    modelPackageGroupName: tenant.modelPackageGroupName,
    endpointName: tenant.endpointName,
    endpointStatus: deployments.endpointStatus,
    productionVersion: deployments.productionVersion,
    gates: settings.approvalGates,
    versions: details.map((version) => {
      const where = deployments.byVersion.get(version.version) ?? [];
      const actions = versionActions({
        version,
        deployments: where,
        productionVersion: deployments.productionVersion,
        gates: settings.approvalGates,
        all: deployments.byVersion,
      });
      return { ...version, deployments: where, actions };
    }),
  };
}

async function sageMakerCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("unavailable", "SageMaker did not answer; try again shortly", { cause: error });
  }
}
