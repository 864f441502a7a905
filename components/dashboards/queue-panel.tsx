import Link from "next/link";
import type { AnalystsPanel as AnalystsData } from "@/lib/dashboards/panels/analysts";
import type { QueuePanel as QueueData } from "@/lib/dashboards/panels/queue";
import { VERDICT_LABELS, VERDICTS } from "@/lib/queue/queue-item";
import { formatCount, formatDuration, PALETTE } from "./format";
import { PanelCard } from "./panel-card";
import { TimeChart } from "./time-chart";

const VERDICT_COLORS = { fraud: "var(--chart-5)", legit: "var(--chart-4)", escalate: "var(--chart-3)" } as const;

export function QueuePanel({ data }: { data: QueueData }) {
  const pending = data.counts.open + data.counts.escalated;
  return (
    <PanelCard
      testId="panel-queue"
      title="Review queue"
      description="Pending items at the end of each step, by status; SLA and age are as of now."
      figures={[
        { label: "Pending", value: formatCount(pending) },
        { label: "Escalated", value: formatCount(data.counts.escalated) },
        {
          label: "Past SLA",
          value: `${data.pastSla.capped ? "≥ " : ""}${formatCount(data.pastSla.count)}`,
          hint: "SUSPICIOUS after 1 h, REVIEW after 4 h",
        },
        { label: "Oldest pending", value: data.oldestPending ? formatDuration(data.oldestPending.ageSeconds) : "—" },
      ]}
    >
      <TimeChart
        label="Queue backlog by status"
        kind="stacked"
        timestamps={data.timestamps}
        series={[
          { key: "open", label: "Open", values: data.backlog.open, color: "var(--chart-1)" },
          { key: "escalated", label: "Escalated", values: data.backlog.escalated, color: "var(--chart-3)" },
        ]}
        format={formatCount}
      />
      {data.oldestPending && (
        <p className="text-[12px] text-subtle">
          Oldest:{" "}
          <Link className="text-accent hover:underline" href={`/transactions/${encodeURIComponent(data.oldestPending.txnId)}`}>
            {data.oldestPending.txnId}
          </Link>
        </p>
      )}
    </PanelCard>
  );
}

export function AnalystsPanel({ data }: { data: AnalystsData }) {
  const hourly = data.period === 3600 ? "hour" : `${data.period / 3600} h`;
  return (
    <PanelCard
      testId="panel-analysts"
      title="Analysts"
      description={`Verdicts per ${hourly}, by analyst and by verdict; median time from queued to verdict over the range.`}
      figures={[
        { label: "Verdicts", value: formatCount(data.verdicts) },
        { label: "Median time to verdict", value: data.medianTimeToVerdict === null ? "—" : formatDuration(data.medianTimeToVerdict) },
        { label: "Analysts active", value: formatCount(data.byAnalyst.length) },
      ]}
      empty={data.verdicts === 0 ? "No verdicts were recorded in this range." : undefined}
    >
      <TimeChart
        label="Verdicts by verdict"
        kind="stackedBars"
        height={150}
        timestamps={data.timestamps}
        series={VERDICTS.map((v) => ({ key: v, label: VERDICT_LABELS[v], values: data.byVerdict[v], color: VERDICT_COLORS[v] }))}
        format={formatCount}
      />
      <TimeChart
        label="Verdicts by analyst"
        kind="stackedBars"
        height={150}
        timestamps={data.timestamps}
        series={data.byAnalyst
          .slice(0, PALETTE.length)
          .map((a, i) => ({ key: `a${i}`, label: a.analyst, values: a.verdicts, color: PALETTE[i]! }))}
        format={formatCount}
      />
      {data.byAnalyst.length > PALETTE.length && (
        <p className="text-[12px] text-subtle">The {PALETTE.length} busiest analysts are charted.</p>
      )}
    </PanelCard>
  );
}
