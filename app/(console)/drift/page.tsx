import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { DriftClient } from "@/components/drift/drift-client";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireSession } from "@/lib/http/require-session";
import { AREA_ROLES } from "@/lib/auth/roles";
import { getDriftOverview } from "@/lib/drift/get-drift-overview";
import { driftOverviewOptions } from "@/lib/queries/drift";
import { getQueryClient } from "@/lib/queries/query-client";
import { getTenant } from "@/lib/tenants/get-tenant";

export const metadata: Metadata = { title: "Drift" };

export default async function DriftPage() {
  const user = await requireSession({ roles: AREA_ROLES.drift, callbackUrl: "/drift" });
  const tenant = await getTenant({ tenantId: user.tenantId });
  const header = (
    <PageHeader
      title="Drift"
      description="How the endpoint's captured traffic differs from the data each model was trained on: per feature and per variant's score, judged against the tenant's thresholds and weighted by the model's importance."
    />
  );
  if (!tenant)
    return (
      <>
        {header}
        <EmptyState title="No endpoint" description="This tenant has no SageMaker endpoint yet." />
      </>
    );
  const queryClient = getQueryClient();
  // A failed prefetch is left to the client, which shows its error state and retries on refresh.
  await queryClient.prefetchQuery({
    ...driftOverviewOptions(tenant.endpointName),
    queryFn: () => getDriftOverview({ tenantId: user.tenantId, endpointName: tenant.endpointName, limit: 72 }),
  });
  return (
    <>
      {header}
      <HydrationBoundary state={dehydrate(queryClient)}>
        <DriftClient endpoint={tenant.endpointName} />
      </HydrationBoundary>
    </>
  );
}
