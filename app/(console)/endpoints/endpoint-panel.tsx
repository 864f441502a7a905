import { EndpointSummary } from "@/components/deployments/endpoint-summary";
import { VariantsTable } from "@/components/deployments/variants-table";
import { ErrorCallout } from "@/components/ui/callout";
import { EmptyState } from "@/components/ui/empty-state";
import { isAppError } from "@/lib/errors/app-error";
import { getEndpointOverview } from "@/lib/deployments/get-endpoint-overview";
import type { EndpointLookup } from "@/lib/deployments/endpoint-overview";

/** Fetches in its own Suspense boundary so the page frame renders while SageMaker answers. */
export async function EndpointPanel({ tenantId }: { tenantId: string }) {
  let lookup: EndpointLookup;
  try {
    lookup = await getEndpointOverview({ tenantId });
  } catch (error) {
    if (!isAppError(error)) throw error;
    return <ErrorCallout title="Endpoint status unavailable">{error.message}</ErrorCallout>;
  }
  if (!lookup.found) {
    return (
      <EmptyState
        tone="warning"
        title="Endpoint not found"
        description={
          <>
            SageMaker has no endpoint named <code className="font-mono text-foreground">{lookup.endpointName}</code> for this tenant. It
            appears here once it has been created (the local stack&apos;s seed creates it on start).
          </>
        }
      />
    );
  }
  return (
    <div className="space-y-4">
      <EndpointSummary endpoint={lookup.endpoint} />
      <VariantsTable variants={lookup.endpoint.variants} />
    </div>
  );
}
