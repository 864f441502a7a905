import Link from "next/link";
import type { ChartMarker } from "./time-chart";
import type { VariantsPanel as VariantsData, VariantSeries } from "@/lib/dashboards/panels/variants";
import { formatCount, formatMs, formatShare, PALETTE } from "./format";
import { PanelCard } from "./panel-card";
import { TimeChart } from "./time-chart";

/** Per variant: invocations, latency (model and console), error rates; deployments and rollbacks marked. */
export function VariantsPanel({ data, markers }: { data: VariantsData; markers: readonly ChartMarker[] }) {
  if (data.variants.length === 0) {
    return (
      <PanelCard
        testId="panel-variants"
        title="Endpoint variants"
        description="Per variant of the tenant's endpoint."
        empty="The tenant's endpoint does not exist (yet), so no variant has metrics."
      />
    );
  }
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      {data.variants.map((v, i) => (
        <VariantCard key={v.variant} variant={v} timestamps={data.timestamps} color={PALETTE[i % PALETTE.length]!} markers={markers} />
      ))}
    </div>
  );
}

function VariantCard({
  variant: v,
  timestamps,
  color,
  markers,
}: {
  variant: VariantSeries;
  timestamps: number[];
  color: string;
  markers: readonly ChartMarker[];
}) {
  const { totals } = v;
  const rate = (n: number) => (totals.invocations > 0 ? formatShare(n / totals.invocations) : "—");
  const title = `Variant ${v.variant}${v.shadow ? " (shadow)" : ""}`;
  return (
    <PanelCard
      testId={`panel-variant-${v.variant}`}
      title={title}
      description={
        v.modelVersion
          ? `Model version ${v.modelVersion}. ModelLatency is the container's time; console latency is the whole scoring answer.`
          : "Model version unknown."
      }
      figures={[
        { label: "Invocations", value: formatCount(totals.invocations) },
        { label: "4xx", value: rate(totals.errors4xx) },
        { label: "5xx", value: rate(totals.errors5xx) },
      ]}
      empty={totals.invocations === 0 ? `No invocations of ${v.variant} in this range.` : undefined}
    >
      <TimeChart
        label={`${title} invocations`}
        height={120}
        timestamps={timestamps}
        series={[{ key: "inv", label: "Invocations", values: v.invocations, color }]}
        format={formatCount}
        markers={markers}
      />
      <TimeChart
        label={`${title} latency percentiles`}
        height={150}
        timestamps={timestamps}
        series={[
          { key: "m50", label: "ModelLatency p50", values: v.modelLatency.p50, color: "var(--chart-4)" },
          { key: "m95", label: "ModelLatency p95", values: v.modelLatency.p95, color: "var(--chart-3)" },
          { key: "m99", label: "ModelLatency p99", values: v.modelLatency.p99, color: "var(--chart-5)" },
          { key: "c95", label: "Console p95", values: v.consoleLatency.p95, color: "var(--chart-1)" },
          { key: "c99", label: "Console p99", values: v.consoleLatency.p99, color: "var(--chart-2)" },
        ]}
        format={formatMs}
        markers={markers}
      />
      <TimeChart
        label={`${title} error rates`}
        height={110}
        timestamps={timestamps}
        series={[
          { key: "e4", label: "4xx rate", values: v.rate4xx, color: "var(--chart-3)" },
          { key: "e5", label: "5xx rate", values: v.rate5xx, color: "var(--chart-5)" },
        ]}
        format={formatShare}
        minTop={0.01}
        markers={markers}
      />
      <p className="text-[12px] text-subtle">
        <Link href="/endpoints" className="text-accent hover:underline">
          Weights and rollback on Endpoints
        </Link>
      </p>
    </PanelCard>
  );
}
