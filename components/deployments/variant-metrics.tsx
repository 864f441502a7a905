"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ErrorCallout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";
import { formatDateTime, formatPercent } from "@/components/ui/format";
import { Skeleton } from "@/components/ui/skeleton";
import { METRIC_WINDOWS, type MetricWindow, type VariantMetrics } from "@/lib/metrics/endpoint-metrics";
import { endpointMetricsQueryOptions, type MetricsView } from "@/lib/queries/endpoints";
import { VariantSeriesChart } from "./variant-series-chart";

const rate = (v: number | null) => (v === null ? "—" : formatPercent(v, v > 0 && v < 0.001 ? 2 : 1));
const ms = (v: number | null) => (v === null ? "—" : `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`);
const count = (v: number) => v.toLocaleString("en-US");

/** Live per-variant health from CloudWatch over the chosen window (in the URL), refreshing every 30 s. */
export function VariantMetricsPanel({ endpointName, view }: { endpointName: string; view: MetricsView }) {
  const query = useQuery(endpointMetricsQueryOptions(endpointName, view));
  return (
    <Card>
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-line px-4 py-3">
        <div>
          <h2 className="text-[13px] font-semibold">Variant health</h2>
          <p className="mt-0.5 text-[12px] text-muted">
            CloudWatch (AWS/SageMaker): invocations, 4xx and 5xx shares of invocations, ModelLatency p50/p95.
            {"window" in view ? " Refreshes every 30 s." : ""}
          </p>
        </div>
        <WindowPicker view={view} />
      </header>
      {query.isError && !query.data ? (
        <div className="p-4">
          <ErrorCallout title="Metrics unavailable">{query.error.message}</ErrorCallout>
        </div>
      ) : !query.data ? (
        <div className="grid gap-4 p-4 lg:grid-cols-2" role="status" aria-label="Loading metrics">
          <Skeleton className="h-48" />
          <Skeleton className="h-48" />
        </div>
      ) : (
        <>
          {"from" in view && (
            <p className="border-b border-line bg-surface-muted px-4 py-2 text-[12px] text-muted">
              From {formatDateTime(query.data.from)} to {formatDateTime(query.data.to)}, {query.data.period / 60}-minute periods.
            </p>
          )}
          <div className={`grid gap-px bg-line lg:grid-cols-2 ${query.isPlaceholderData ? "opacity-60" : ""}`}>
            {query.data.variants.map((v) => (
              <VariantHealth key={v.variantName} variant={v} />
            ))}
          </div>
        </>
      )}
    </Card>
  );
}

function WindowPicker({ view }: { view: MetricsView }) {
  return (
    <nav aria-label="Metrics window" className="flex items-center gap-1 rounded-md border border-line-strong p-0.5 text-[12px]">
      {(Object.keys(METRIC_WINDOWS) as MetricWindow[]).map((w) => {
        const isCurrent = "window" in view && view.window === w;
        return (
          <Link
            key={w}
            href={`?window=${w}`}
            scroll={false}
            aria-current={isCurrent ? "page" : undefined}
            className={`rounded px-2 py-1 font-medium ${isCurrent ? "bg-accent text-accent-foreground" : "text-muted hover:bg-surface-muted hover:text-foreground"}`}
          >
            {METRIC_WINDOWS[w].label}
          </Link>
        );
      })}
    </nav>
  );
}

function VariantHealth({ variant }: { variant: VariantMetrics }) {
  const s = variant.summary;
  const figures: Array<[string, string, boolean]> = [
    ["Invocations", count(s.invocations), false],
    ["4xx", rate(s.rate4xx), (s.rate4xx ?? 0) > 0.01],
    ["5xx", rate(s.rate5xx), (s.rate5xx ?? 0) > 0.01],
    ["p50", ms(s.p50Ms), false],
    ["p95", ms(s.p95Ms), false],
  ];
  return (
    <section aria-label={`${variant.variantName} health`} className="bg-surface p-4">
      <h3 className="flex items-center gap-2 text-[13px] font-semibold">
        {variant.variantName}
        {variant.isShadow && <Badge>shadow</Badge>}
      </h3>
      <dl className="mt-2 grid grid-cols-5 gap-2">
        {figures.map(([label, value, isBad]) => (
          <div key={label}>
            <dt className="text-[11px] uppercase tracking-wider text-subtle">{label}</dt>
            <dd className={`tabular mt-0.5 text-[14px] font-semibold ${isBad ? "text-danger" : ""}`}>{value}</dd>
          </div>
        ))}
      </dl>
      {variant.series.length === 0 ? (
        <p className="mt-4 rounded-md border border-dashed border-line-strong px-3 py-6 text-center text-[12px] text-muted">
          No invocations in this window.
        </p>
      ) : (
        <div className="mt-3 grid gap-2 sm:grid-cols-3">
          <Chart title="Invocations">
            <VariantSeriesChart
              points={variant.series}
              lines={[{ key: "invocations", name: "invocations", colour: "var(--chart-1)" }]}
              label={`${variant.variantName} invocations per period`}
              format={(v) => count(v)}
            />
          </Chart>
          <Chart title="Error share">
            <VariantSeriesChart
              points={variant.series}
              lines={[
                { key: "rate5xx", name: "5xx", colour: "var(--chart-5)" },
                { key: "rate4xx", name: "4xx", colour: "var(--chart-3)" },
              ]}
              label={`${variant.variantName} 4xx and 5xx share per period`}
              format={(v) => formatPercent(v, v < 0.1 ? 1 : 0)}
              minTop={0.05}
            />
          </Chart>
          <Chart title="ModelLatency">
            <VariantSeriesChart
              points={variant.series}
              lines={[
                { key: "p95Ms", name: "p95", colour: "var(--chart-2)" },
                { key: "p50Ms", name: "p50", colour: "var(--chart-4)" },
              ]}
              label={`${variant.variantName} ModelLatency p50 and p95 per period`}
              format={(v) => (v >= 1000 ? `${(v / 1000).toFixed(1)}s` : `${Math.round(v)}ms`)}
              minTop={10}
            />
          </Chart>
        </div>
      )}
    </section>
  );
}

function Chart({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div>
      <p className="text-[11px] font-medium text-muted">{title}</p>
      {children}
    </div>
  );
}
