import { ListModelPackagesCommand, type SageMakerClient } from "@aws-sdk/client-sagemaker";
import { AppError } from "@/lib/errors/app-error";
import { sageMakerClient } from "@/lib/aws/clients";
import { isSageMakerMissing } from "@/lib/aws/missing";
import { getTenant } from "@/lib/tenants/get-tenant";
import type { Tenant } from "@/lib/tenants/tenant";
import type { ModelVersion } from "./model-version";

export interface ModelDeps {
  sageMaker?: Pick<SageMakerClient, "send">;
  getTenant?: (input: { tenantId: string }) => Promise<Tenant | null>;
}

/** Registries hold tens of versions; the cap only guards against a runaway pagination loop. */
const MAX_PAGES = 20;

/** The versions of the tenant's model package group, newest first; [] when the group does not exist yet. */
export async function listModelVersions(input: { tenantId: string }, deps: ModelDeps = {}): Promise<ModelVersion[]> {
  const tenant = await (deps.getTenant ?? getTenant)({ tenantId: input.tenantId });
  if (!tenant) throw new AppError("not_found", "Tenant not found");
  const sageMaker = deps.sageMaker ?? sageMakerClient();

  const versions: ModelVersion[] = [];
  let nextToken: string | undefined;
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const out = await sageMaker.send(
        new ListModelPackagesCommand({
          ModelPackageGroupName: tenant.modelPackageGroupName,
          SortBy: "CreationTime",
          SortOrder: "Descending",
          MaxResults: 100,
          NextToken: nextToken,
        }),
      );
      for (const p of out.ModelPackageSummaryList ?? []) {
        versions.push({
          version: p.ModelPackageVersion ?? 0,
          arn: p.ModelPackageArn ?? "",
          approvalStatus: p.ModelApprovalStatus ?? "Unknown",
          createdAt: p.CreationTime?.toISOString() ?? null,
          description: p.ModelPackageDescription ?? null,
        });
      }
      nextToken = out.NextToken;
      if (!nextToken) break;
    }
  } catch (error) {
    if (isSageMakerMissing(error)) return [];
    throw new AppError("unavailable", "SageMaker did not answer; try again shortly", { cause: error });
  }
  return versions;
}
