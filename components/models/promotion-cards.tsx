"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { modelsQueryOptions } from "@/lib/queries/models";
import { BacktestsCard } from "./backtests-card";
import { ShadowComparisonCard } from "./shadow-comparison-card";

/** Below the versions: the running shadow's comparison with production, and the tenant's backtests. */
export function PromotionCards() {
  const { data } = useSuspenseQuery(modelsQueryOptions());
  const shadow = data.versions.find((v) => v.deployments.some((d) => d.shadow));
  return (
    <>
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
