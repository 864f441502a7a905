import { EndpointView } from "@/components/deployments/endpoint-view";
import { EmptyState } from "@/components/ui/empty-state";
import { getTenant } from "@/lib/tenants/get-tenant";
import type { MetricsView } from "@/lib/queries/endpoints";

/**
 * Looks up the tenant's endpoint name in its own Suspense boundary; the live view then reads
 * GET /api/endpoints/{name} and polls it while SageMaker moves the endpoint.
 */
export async function EndpointPanel({ tenantId, view, canChange }: { tenantId: string; view: MetricsView; canChange: boolean }) {
  const tenant = await getTenant({ tenantId });
  if (!tenant) return <EmptyState tone="warning" title="Tenant not found" description="This session's tenant has no record." />;
  return <EndpointView endpointName={tenant.endpointName} view={view} canChange={canChange} />;
}
