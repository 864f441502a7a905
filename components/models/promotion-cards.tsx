"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { TRANSITIONAL_STATUSES } from "@/lib/queries/endpoints";
import { modelsQueryOptions } from "@/lib/queries/models";
import { BacktestsCard } from "./backtests-card";
import { ShadowComparisonCard } from "./shadow-comparison-card";

/** Below the versions: the running shadow's comparison with production, and the tenant's backtests. */
export function PromotionCards() {
  const { data } = useSuspenseQuery(modelsQueryOptions());
  const shadow = data.versions.find((v) => v.deployments.some((d) => d.shadow));
  const isMoving = TRANSITIONAL_STATUSES.has(data.endpointStatus ?? "");
  return (
    <>
      {isMoving && (
        <p role="status" className="mt-4 rounded-md border border-accent/30 bg-accent-soft px-3 py-2 text-[13px]">
          {data.endpointName} is {data.endpointStatus}: SageMaker is applying the new endpoint config; the versions&apos; places above
          change when it is InService.
        </p>
      )}
      {shadow && (
        <div className="mt-6">
          <ShadowComparisonCard version={shadow.version} />
        </div>
      )}
      <div className="mt-6">
        <BacktestsCard />
      </div>
    </>
  );
}
