import { ModelVersionsTable } from "@/components/models/model-versions-table";
import { ErrorCallout } from "@/components/ui/callout";
import { EmptyState } from "@/components/ui/empty-state";
import { isAppError } from "@/lib/errors/app-error";
import { getModelMetrics } from "@/lib/models/get-model-metrics";
import { listModelVersions } from "@/lib/models/list-model-versions";
import type { ModelVersion } from "@/lib/models/model-version";
import { getTenant } from "@/lib/tenants/get-tenant";

export async function ModelsPanel({ tenantId }: { tenantId: string }) {
  let versions: ModelVersion[];
  const tenant = await getTenant({ tenantId });
  try {
    versions = await listModelVersions({ tenantId }, { getTenant: () => Promise.resolve(tenant) });
  } catch (error) {
    if (!isAppError(error)) throw error;
    return <ErrorCallout title="Model registry unavailable">{error.message}</ErrorCallout>;
  }
  const groupName = tenant?.modelPackageGroupName ?? "";
  if (versions.length === 0) {
    return (
      <EmptyState
        title="No model versions registered"
        description={
          <>
            The model package group <code className="font-mono text-foreground">{groupName}</code> has no versions yet. Versions registered
            by training appear here with their approval status.
          </>
        }
      />
    );
  }
  const metrics = await Promise.all(versions.map((v) => getModelMetrics(v.arn)));
  return <ModelVersionsTable groupName={groupName} versions={versions} metrics={metrics} />;
}
