import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { RetrainFromDrift } from "@/components/training/retrain-from-drift";
import type { DriftRun } from "@/lib/drift/drift-run";
import { count, percent, shortTime, windowLabel } from "./drift-format";

/** The latest run's window, sample and verdict, and the retraining recommendation if it carries one. */
export function LatestRunCard({ run }: { run: DriftRun }) {
  const alerts = run.features.filter((f) => f.status === "alert").length;
  const warnings = run.features.filter((f) => f.status === "warn").length;
  const insufficient = run.features.filter((f) => f.status === "insufficient").length;
  const facts: Array<[string, string]> = [
    ["Window", windowLabel(run.from, run.to)],
    ["Records", count(run.records)],
    ["Baseline", `model v${run.baselineVersion} training data`],
    ["Drift weight", `${percent(run.weightedViolation, 0)} of importance`],
  ];
  return (
    <Card>
      <div className="flex flex-wrap items-start justify-between gap-4 px-4 py-3">
        <div>
          <h2 className="text-[13px] font-semibold">Latest run · {run.endpoint}</h2>
          <p className="mt-0.5 text-[12px] text-muted">
            {run.trigger === "manual" ? `Run by ${run.actor}` : run.trigger === "schedule" ? "Scheduled run" : "Seeded run"}
            {run.importanceSource === "uniform" && " · no explained traffic yet: every feature weighs the same"}
          </p>
        </div>
        <div className="flex gap-1.5" aria-label="Feature statuses">
          <Badge tone={alerts ? "danger" : "neutral"}>{alerts} alert</Badge>
          <Badge tone={warnings ? "warning" : "neutral"}>{warnings} warn</Badge>
          {insufficient > 0 && <Badge>{insufficient} too few records</Badge>}
        </div>
      </div>
      <dl className="grid grid-cols-2 gap-3 border-t border-line px-4 py-3 lg:grid-cols-4">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-[11px] font-medium uppercase tracking-wider text-subtle">{label}</dt>
            <dd className="mt-0.5 text-[14px] font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {run.recommendation && (
        <div role="status" className="m-4 mt-0 rounded-md border border-danger/30 bg-danger-soft px-4 py-3 text-[13px]">
          <div className="flex items-center justify-between gap-3">
            <p className="font-semibold text-danger">Retraining recommended</p>
            <RetrainFromDrift />
          </div>
          <p className="text-muted">
            Drift on {run.recommendation.features.join(", ")} weighs {percent(run.recommendation.weight, 0)} of the production model&apos;s
            importance (threshold {percent(run.recommendation.threshold, 0)}). Recommended since {shortTime(run.recommendation.openedAt)}{" "}
            UTC; notified once for this episode.
          </p>
        </div>
      )}
    </Card>
  );
}
