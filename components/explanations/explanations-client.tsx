"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { FeatureImportanceChart } from "@/components/explanations/feature-importance-chart";
import { Card } from "@/components/ui/card";
import { ErrorCallout } from "@/components/ui/callout";
import { EmptyState } from "@/components/ui/empty-state";
import { TableSkeleton } from "@/components/ui/skeleton";
import type { ModelVersionExplanation } from "@/lib/explanations/aggregate";
import { explanationsOptions } from "@/lib/queries/queue";

const DAY_CHOICES = [1, 7, 30] as const;
const pct = (p: number | null) => (p == null ? "—" : `${(p * 100).toFixed(1)}%`);

export function ExplanationsClient({ initialDays }: { initialDays: number }) {
  const [days, setDays] = useState(initialDays);
  const { data, error, isPlaceholderData } = useQuery({ ...explanationsOptions(days), placeholderData: (previous) => previous });
  return (
    <div className="space-y-4">
      <div className="flex items-center gap-1" role="group" aria-label="Period">
        {DAY_CHOICES.map((d) => (
          <button
            key={d}
            type="button"
            aria-pressed={d === days}
            onClick={() => setDays(d)}
            className={`rounded-md px-2.5 py-1 text-[12px] ${d === days ? "bg-accent-soft font-medium text-accent" : "text-muted hover:bg-surface-muted"}`}
          >
            Last {d === 1 ? "24 hours" : `${d} days`}
          </button>
        ))}
        {data?.isSampled && <span className="ml-3 text-[12px] text-subtle">Newest 2,000 items per status</span>}
      </div>
      {error && !data ? (
        <ErrorCallout title="Explanations could not be loaded">{error.message}</ErrorCallout>
      ) : !data ? (
        <Card>
          <TableSkeleton rows={8} />
        </Card>
      ) : data.versions.length === 0 ? (
        <EmptyState
          title="No flagged traffic in this period"
          description="Once transactions are flagged and explained, their feature attributions are summarised here per model version."
        />
      ) : (
        <div className={`grid gap-4 xl:grid-cols-2 ${isPlaceholderData ? "opacity-60" : ""}`}>
          {data.versions.map((v) => (
            <VersionCard key={v.modelVersion} version={v} />
          ))}
        </div>
      )}
    </div>
  );
}

function VersionCard({ version: v }: { version: ModelVersionExplanation }) {
  const title = v.modelVersion === "rules" ? "Decided by rules (no model)" : `Model v${v.modelVersion}`;
  const facts: Array<[string, string]> = [
    ["Precision", pct(v.precision)],
    ["Confirmed fraud", String(v.confirmedFraud)],
    ["False positives", String(v.falsePositive)],
    ["Flagged", String(v.flagged)],
  ];
  return (
    <Card
      title={title}
      description={v.explained > 0 ? `Mean |SHAP| over ${v.explained} explained flagged transactions` : "No attributions recorded"}
    >
      <dl className="grid grid-cols-4 gap-3 border-b border-line px-4 py-3">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-[11px] font-medium uppercase tracking-wider text-subtle">{label}</dt>
            <dd
              className="mt-0.5 text-[15px] font-semibold tabular-nums"
              data-testid={label === "Precision" ? `precision-v${v.modelVersion}` : undefined}
            >
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {v.importance.length > 0 && (
        <div className="px-2 py-2">
          <FeatureImportanceChart importance={v.importance} modelVersion={v.modelVersion} />
        </div>
      )}
    </Card>
  );
}
