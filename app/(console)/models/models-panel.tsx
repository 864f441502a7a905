import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { ErrorBudgetCard } from "@/components/models/error-budget-card";
import { ModelsScreen } from "@/components/models/models-screen";
import { PromotionCards } from "@/components/models/promotion-cards";
import { ErrorCallout } from "@/components/ui/callout";
import { getErrorBudget } from "@/lib/error-budget/get-error-budget";
import { isAppError } from "@/lib/errors/app-error";
import { getModelsOverview } from "@/lib/models/get-models-overview";
import { errorBudgetQueryOptions, modelsQueryOptions } from "@/lib/queries/models";
import { getQueryClient } from "@/lib/queries/query-client";

/** Server prefetch of the promotion screen under the client's query keys; the client takes over. */
export async function ModelsPanel({ tenantId }: { tenantId: string }) {
  const queryClient = getQueryClient();
  try {
    queryClient.setQueryData(modelsQueryOptions().queryKey, await getModelsOverview({ tenantId }));
  } catch (error) {
    if (!isAppError(error)) throw error;
    return <ErrorCallout title="Model registry unavailable">{error.message}</ErrorCallout>;
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ModelsScreen />
      <PromotionCards />
    </HydrationBoundary>
  );
}

export async function ErrorBudgetPanel({ tenantId }: { tenantId: string }) {
  const queryClient = getQueryClient();
  try {
    queryClient.setQueryData(errorBudgetQueryOptions().queryKey, await getErrorBudget({ tenantId }));
  } catch (error) {
    if (!isAppError(error)) throw error;
    return <ErrorCallout title="Error budget unavailable">{error.message}</ErrorCallout>;
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ErrorBudgetCard />
    </HydrationBoundary>
  );
}
