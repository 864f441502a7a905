import type { QualityPanel as QualityData } from "@/lib/dashboards/panels/quality";
import { formatCount, formatDuration, formatShare, PALETTE } from "./format";
import { PanelCard } from "./panel-card";
import { TimeChart } from "./time-chart";

export function QualityPanel({ data, to }: { data: QualityData; to: number }) {
  const labelled = data.precision.reduce((n, p) => n + p.labelled, 0);
  const scored = data.scoreHistogram.reduce((n, b) => n + b.count, 0);
  const shade =
    data.labelLag && data.labelLag.from < to
      ? { from: Math.max(data.labelLag.from, data.timestamps[0] ?? 0), to, label: "labels still arriving" }
      : undefined;
  return (
    <PanelCard
      testId="panel-quality"
      title="Model quality from verdicts"
      description="Precision of flagged traffic per model version (confirmed fraud ÷ confirmed fraud + false positives), by when it was scored."
      figures={[
        ...data.precision.map((p) => ({
          label: `Precision v${p.modelVersion}`,
          value: p.overall === null ? "—" : formatShare(p.overall),
          hint: `${p.labelled} verdicts`,
        })),
        { label: "Verdicts", value: formatCount(labelled) },
        ...(data.labelLag
          ? [
              {
                label: "Label lag (p90)",
                value: formatDuration(data.labelLag.seconds),
                hint: "90% of verdicts arrive within this time of scoring",
              },
            ]
          : []),
      ]}
    >
      {labelled === 0 ? (
        <p className="rounded-md border border-dashed border-line-strong px-3 py-6 text-center text-[13px] text-muted">
          No flagged transaction of this range has a verdict yet.
        </p>
      ) : (
        <TimeChart
          label="Precision of flagged traffic per model version"
          timestamps={data.timestamps}
          series={data.precision.map((p, i) => ({
            key: `p${i}`,
            label: `v${p.modelVersion}`,
            values: p.precision,
            color: PALETTE[i % PALETTE.length]!,
          }))}
          format={formatShare}
          yMax={1}
          shade={shade}
        />
      )}
      <h3 className="pt-1 text-[12px] font-medium text-muted">Score distribution ({formatCount(scored)} scored)</h3>
      {scored === 0 ? (
        <p className="rounded-md border border-dashed border-line-strong px-3 py-6 text-center text-[13px] text-muted">
          No transaction was scored by the model in this range.
        </p>
      ) : (
        <ScoreHistogram bins={data.scoreHistogram} />
      )}
    </PanelCard>
  );
}

function ScoreHistogram({ bins }: { bins: QualityData["scoreHistogram"] }) {
  const max = Math.max(...bins.map((b) => b.count), 1);
  // Counts are very skewed (most traffic scores near 0): bar heights on a square-root scale, exact counts in the titles.
  return (
    <div role="img" aria-label="Score histogram" className="flex h-28 items-end gap-[2px]">
      {bins.map((b) => (
        <div key={b.from} className="flex h-full flex-1 flex-col justify-end" title={`${b.from.toFixed(2)}–${b.to.toFixed(2)}: ${b.count}`}>
          <div
            className="rounded-t-sm bg-[var(--chart-1)]"
            style={{ height: `${b.count === 0 ? 0 : Math.max(2, Math.sqrt(b.count / max) * 100)}%` }}
          />
        </div>
      ))}
    </div>
  );
}
