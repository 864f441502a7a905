"use client";

import { useQuery } from "@tanstack/react-query";
import { Card } from "@/components/ui/card";
import { ErrorCallout } from "@/components/ui/callout";
import { Skeleton } from "@/components/ui/skeleton";
import { driftFeatureOptions } from "@/lib/queries/drift";
import { DistributionChart } from "./distribution-chart";
import { count, percent } from "./drift-format";

/** Baseline versus window for the chosen feature (or a variant's score) of one run. */
export function DistributionCard({ runId, feature }: { runId: string; feature: string }) {
  const { data, error } = useQuery(driftFeatureOptions(runId, feature));
  const missing = data?.bins.find((b) => b.kind === "missing");
  const unseen = data?.bins.find((b) => b.kind === "unseen");
  return (
    <Card
      title={`Distribution · ${data?.label ?? feature}`}
      description={
        data
          ? `Training baseline of model v${data.baselineVersion}${data.baselineRecords == null ? "" : ` (${count(data.baselineRecords)} records)`} versus this window (${count(data.currentRecords)})`
          : "Training baseline versus this window"
      }
    >
      <div className="px-2 py-2">
        {error ? (
          <ErrorCallout title="The distributions could not be loaded">{error.message}</ErrorCallout>
        ) : !data ? (
          <Skeleton className="h-[280px] w-full" />
        ) : (
          <>
            <DistributionChart bins={data.bins} feature={data.label} />
            <p className="px-2 pb-1 text-[12px] text-muted">
              {missing ? `Missing: ${percent(missing.current)} (baseline ${percent(missing.baseline)})` : "No missing values"}
              {unseen && ` · Never seen in training: ${percent(unseen.current, 2)}`}
            </p>
          </>
        )}
      </div>
    </Card>
  );
}
