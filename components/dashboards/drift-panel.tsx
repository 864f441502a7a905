import Link from "next/link";
import { STATUS_LABEL, STATUS_TONE, windowLabel } from "@/components/drift/drift-format";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format";
import type { DriftPanel as DriftData } from "@/lib/dashboards/panels/drift";
import { formatCount, formatShare } from "./format";
import { PanelCard } from "./panel-card";
import { TimeChart } from "./time-chart";

/** The latest drift run's status and its top drifting features, and the runs of the range. */
export function DriftPanel({ data }: { data: DriftData }) {
  const { latest } = data;
  if (!latest) {
    return (
      <PanelCard
        testId="panel-drift"
        title="Drift"
        description="The latest drift run of the tenant's endpoint."
        empty="No drift run yet: the scheduler runs one every hour, or use Run now on the Drift page."
      />
    );
  }
  return (
    <PanelCard
      testId="panel-drift"
      title="Drift"
      description={`Latest run ${formatDateTime(latest.createdAt)} over ${windowLabel(latest.from, latest.to)}, against v${latest.baselineVersion}'s training baseline.`}
      figures={[
        { label: "Status", value: STATUS_LABEL[latest.status] },
        { label: "Records", value: formatCount(latest.records) },
        { label: "Features alerting", value: String(latest.counts.alert), hint: `${latest.counts.warn} warn, ${latest.counts.ok} ok` },
        { label: "Weighted violation", value: formatShare(latest.weightedViolation), hint: "Σ importance × severity / Σ importance" },
      ]}
    >
      {latest.recommendation && (
        <p role="status" className="rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-[12px] text-warning">
          Retraining recommended since {formatDateTime(latest.recommendation.openedAt)} ({latest.recommendation.features.join(", ")}).{" "}
          <Link href="/drift" className="underline">
            Drift
          </Link>
        </p>
      )}
      {data.topFeatures.length === 0 ? (
        <p className="text-[13px] text-muted">No feature drifts past its thresholds in the latest run.</p>
      ) : (
        <ul className="divide-y divide-line text-[13px]" aria-label="Top drifting features">
          {data.topFeatures.map((f) => (
            <li key={f.feature} className="flex items-center gap-3 py-1.5">
              <Badge tone={STATUS_TONE[f.status]}>{STATUS_LABEL[f.status]}</Badge>
              <span className="font-medium">{f.label}</span>
              <span className="ml-auto tabular-nums text-muted">PSI {f.psi === null ? "—" : f.psi.toFixed(3)}</span>
              <span className="w-40 truncate text-right text-[12px] text-subtle">{f.violations.join(", ")}</span>
            </li>
          ))}
        </ul>
      )}
      {data.runs.length > 1 && (
        <TimeChart
          label="Weighted drift violation of each run in the range"
          timestamps={data.runs.map((r) => r.at)}
          series={[{ key: "wv", label: "Weighted violation", values: data.runs.map((r) => r.weightedViolation), color: "var(--chart-3)" }]}
          format={formatShare}
          height={140}
          yMax={1}
          thresholds={latest.recommendation ? [{ value: latest.recommendation.threshold, label: "retrain", color: "var(--danger)" }] : []}
        />
      )}
    </PanelCard>
  );
}
