"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Card } from "@/components/ui/card";
import { ErrorCallout } from "@/components/ui/callout";
import { EmptyState } from "@/components/ui/empty-state";
import { TableSkeleton } from "@/components/ui/skeleton";
import type { DriftOverview } from "@/lib/drift/drift-run";
import { driftOverviewOptions } from "@/lib/queries/drift";
import { DistributionCard } from "./distribution-card";
import { DriftHistoryChart } from "./drift-history-chart";
import { DriftImportanceChart } from "./drift-importance-chart";
import { shortTime } from "./drift-format";
import { FeatureDriftTable } from "./feature-drift-table";
import { LatestRunCard } from "./latest-run-card";
import { RunHistoryTable } from "./run-history-table";
import { RunNowButton } from "./run-now-button";
import { ScoreDriftTable } from "./score-drift-table";

/** The Drift page: latest run, features by drift and importance, drift over time, distributions, history. */
export function DriftClient({ endpoint }: { endpoint: string }) {
  const { data, error } = useQuery(driftOverviewOptions(endpoint));
  if (error && !data) return <ErrorCallout title="Drift runs could not be loaded">{error.message}</ErrorCallout>;
  if (!data)
    return (
      <Card>
        <TableSkeleton rows={8} />
      </Card>
    );
  if (!data.latest)
    return (
      <div className="space-y-4">
        <div className="flex justify-end">
          <RunNowButton endpoint={endpoint} />
        </div>
        <EmptyState
          title="No drift run yet"
          description={`The scheduler runs the drift job every hour over the trailing day of ${endpoint}'s data capture; "Run now" runs it at once. Runs are listed here as soon as they are recorded.`}
        />
      </div>
    );
  return <DriftReport overview={data as DriftOverview & { latest: NonNullable<DriftOverview["latest"]> }} />;
}

function DriftReport({ overview }: { overview: DriftOverview & { latest: NonNullable<DriftOverview["latest"]> } }) {
  const run = overview.latest;
  const [picked, setPicked] = useState<string | null>(null);
  const selected = picked ?? run.features[0]?.feature ?? null;
  const feature = run.features.find((f) => f.feature === selected);
  const history = useMemo(() => {
    if (!selected) return [];
    return [...overview.runs].reverse().map((r) => {
      const f = r.features.find((x) => x.feature === selected);
      return { at: shortTime(r.to), psi: f?.psi ?? null, distance: f?.wasserstein ?? f?.js ?? null };
    });
  }, [overview.runs, selected]);
  const points = run.features
    .filter((f) => f.psi != null)
    .map((f) => ({ feature: f.feature, label: f.label, psi: f.psi ?? 0, importance: f.importance, status: f.status }));
  const isNumeric = feature?.type === "numeric";
  return (
    <div className="space-y-4">
      <div className="flex justify-end">
        <RunNowButton endpoint={overview.endpoint} />
      </div>
      <LatestRunCard run={run} />
      <Card
        title="Features by drift"
        description="Ranked by PSI on the training baseline's bins; choose a feature to see its history and distribution."
      >
        <FeatureDriftTable features={run.features} selected={selected} onSelect={setPicked} />
      </Card>
      <div className="grid gap-4 xl:grid-cols-3">
        <Card title="Drift × importance" description="PSI against the production model's mean |SHAP|: the top right is drift that matters.">
          <div className="px-2 py-2">
            <DriftImportanceChart points={points} psiWarn={run.thresholds.psiWarn} psiAlert={run.thresholds.psiAlert} />
          </div>
        </Card>
        {selected && (
          <Card
            title={`Drift over time · ${feature?.label ?? selected}`}
            description={`PSI and ${isNumeric ? "normalised Wasserstein" : "Jensen–Shannon distance"} per run, thresholds dashed`}
          >
            <div className="px-2 py-2">
              {feature ? (
                <DriftHistoryChart
                  points={history}
                  feature={feature.label}
                  distanceName={isNumeric ? "W1 / std" : "JS distance"}
                  thresholds={{
                    psiWarn: run.thresholds.psiWarn,
                    psiAlert: run.thresholds.psiAlert,
                    distance: isNumeric ? run.thresholds.wasserstein : run.thresholds.jensenShannon,
                  }}
                />
              ) : (
                <p className="px-2 py-3 text-[12px] text-muted">Score drift is shown per run in the table below.</p>
              )}
            </div>
          </Card>
        )}
        {selected && <DistributionCard runId={run.id} feature={selected} />}
      </div>
      <Card
        title="Score drift per variant"
        description="Each variant's score distribution against its model's training scores (prediction drift)."
      >
        <ScoreDriftTable score={run.score} onSelect={setPicked} />
      </Card>
      <Card title="Run history" description={`${overview.runs.length} most recent runs, newest first`}>
        <RunHistoryTable runs={overview.runs} />
      </Card>
    </div>
  );
}
