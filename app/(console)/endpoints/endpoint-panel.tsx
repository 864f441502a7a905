import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { EndpointView } from "@/components/deployments/endpoint-view";
import { isAppError } from "@/lib/errors/app-error";
import { getEndpointOverview } from "@/lib/deployments/get-endpoint-overview";
import { endpointKeys, type MetricsView } from "@/lib/queries/endpoints";
import { getQueryClient } from "@/lib/queries/query-client";

/**
 * Reads the endpoint in its own Suspense boundary (the page frame renders while SageMaker answers)
 * under the client's query key; the live view then polls it. An unavailable SageMaker is left to
 * the client's query, which shows the error and retries.
 */
export async function EndpointPanel({ tenantId, view, canChange }: { tenantId: string; view: MetricsView; canChange: boolean }) {
  const queryClient = getQueryClient();
  let endpointName: string | null = null;
  try {
    const lookup = await getEndpointOverview({ tenantId });
    endpointName = lookup.found ? lookup.endpoint.endpointName : lookup.endpointName;
    queryClient.setQueryData(endpointKeys.detail(endpointName), lookup.found ? lookup.endpoint : null);
  } catch (error) {
    if (!isAppError(error) || error.code !== "unavailable") throw error;
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      {endpointName ? <EndpointView endpointName={endpointName} view={view} canChange={canChange} /> : <Unavailable />}
    </HydrationBoundary>
  );
}

function Unavailable() {
  return (
    <div role="alert" className="rounded-lg border border-danger/30 bg-danger-soft px-4 py-3 text-[13px]">
      <p className="font-semibold text-danger">Endpoint status unavailable</p>
      <p className="mt-0.5 text-muted">SageMaker did not answer; reload the page in a moment.</p>
    </div>
  );
}
