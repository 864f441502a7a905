"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorCallout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";
import { TableSkeleton } from "@/components/ui/skeleton";
import type { PanelName } from "@/lib/dashboards/get-dashboard";
import { RANGE_PRESETS, type RangePreset } from "@/lib/dashboards/range";
import { dashboardOptions, dashboardSearchToParams, type DashboardSearch } from "@/lib/queries/dashboards";
import { BudgetPanel } from "./budget-panel";
import { DriftPanel } from "./drift-panel";
import { ImpactPanel } from "./impact-panel";
import { QualityPanel } from "./quality-panel";
import { AnalystsPanel, QueuePanel } from "./queue-panel";
import { TrafficPanel } from "./traffic-panel";
import { VariantsPanel } from "./variants-panel";

const PRESET_LABELS: Record<RangePreset, string> = { "15m": "15 min", "1h": "1 hour", "24h": "24 hours", "7d": "7 days" };
const MARKER_COLORS: Record<string, string> = { rollback: "var(--danger)", weights: "var(--subtle)" };

/** The dashboards: a range picker kept in the URL, then the panels the user's role may see. */
export function DashboardsClient({ search, panels }: { search: DashboardSearch; panels: readonly PanelName[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const { data, error, isFetching, isPlaceholderData } = useQuery(dashboardOptions(search, panels));
  const go = (next: DashboardSearch) => router.replace(`${pathname}?${dashboardSearchToParams(next)}`, { scroll: false });
  const has = (name: PanelName) => panels.includes(name);
  const p = data?.panels;
  const markers = (p?.variants?.markers ?? []).map((m) => ({ at: m.at, label: m.kind, color: MARKER_COLORS[m.kind] ?? "var(--accent)" }));
  return (
    <div className="space-y-4">
      <RangePicker search={search} onChange={go} refreshing={isFetching} />
      {error && !data ? (
        <ErrorCallout title="The dashboards could not be loaded">{error.message}</ErrorCallout>
      ) : !data || !p ? (
        <Card>
          <TableSkeleton rows={10} />
        </Card>
      ) : (
        <div className={`space-y-4 ${isPlaceholderData ? "opacity-60" : ""}`} aria-busy={isPlaceholderData}>
          {error && <ErrorCallout title="Refreshing failed; showing the last figures">{error.message}</ErrorCallout>}
          {has("traffic") && p.traffic && <TrafficPanel data={p.traffic} stepSeconds={data.step} />}
          {has("variants") && p.variants && <VariantsPanel data={p.variants} markers={markers} />}
          <div className="grid gap-4 xl:grid-cols-2">
            {has("budget") && p.budget && <BudgetPanel data={p.budget} />}
            {has("drift") && p.drift && <DriftPanel data={p.drift} />}
          </div>
          <div className="grid gap-4 xl:grid-cols-2">
            {has("queue") && p.queue && <QueuePanel data={p.queue} />}
            {has("analysts") && p.analysts && <AnalystsPanel data={p.analysts} />}
          </div>
          {has("quality") && p.quality && <QualityPanel data={p.quality} to={data.to} />}
          {has("impact") && p.impact && <ImpactPanel data={p.impact} />}
        </div>
      )}
    </div>
  );
}

function RangePicker({
  search,
  onChange,
  refreshing,
}: {
  search: DashboardSearch;
  onChange: (s: DashboardSearch) => void;
  refreshing: boolean;
}) {
  const [custom, setCustom] = useState(() => ("from" in search ? { from: toInput(search.from), to: toInput(search.to) } : null));
  const button = (active: boolean) =>
    `rounded-md px-2.5 py-1 text-[12px] ${active ? "bg-accent-soft font-medium text-accent" : "text-muted hover:bg-surface-muted"}`;
  return (
    <div className="flex flex-wrap items-center gap-1" role="group" aria-label="Time range">
      {(Object.keys(RANGE_PRESETS) as RangePreset[]).map((preset) => (
        <button
          key={preset}
          type="button"
          aria-pressed={"range" in search && search.range === preset}
          className={button("range" in search && search.range === preset)}
          onClick={() => {
            setCustom(null);
            onChange({ range: preset });
          }}
        >
          Last {PRESET_LABELS[preset]}
        </button>
      ))}
      <button
        type="button"
        aria-pressed={"from" in search || custom !== null}
        className={button("from" in search || custom !== null)}
        onClick={() =>
          setCustom(custom ?? { from: toInput(new Date(Date.now() - 6 * 3_600_000).toISOString()), to: toInput(new Date().toISOString()) })
        }
      >
        Custom
      </button>
      {custom && (
        <form
          className="ml-2 flex items-center gap-1.5 text-[12px]"
          onSubmit={(e) => {
            e.preventDefault();
            onChange({ from: fromInput(custom.from), to: fromInput(custom.to) });
          }}
        >
          <label className="text-muted">
            From (UTC){" "}
            <input
              type="datetime-local"
              required
              value={custom.from}
              onChange={(e) => setCustom({ ...custom, from: e.target.value })}
              className="rounded border border-line bg-surface px-1.5 py-0.5"
            />
          </label>
          <label className="text-muted">
            to{" "}
            <input
              type="datetime-local"
              required
              value={custom.to}
              onChange={(e) => setCustom({ ...custom, to: e.target.value })}
              className="rounded border border-line bg-surface px-1.5 py-0.5"
            />
          </label>
          <button type="submit" className="rounded-md border border-line bg-surface px-2 py-0.5 font-medium hover:bg-surface-muted">
            Apply
          </button>
        </form>
      )}
      <span className="ml-auto text-[12px] text-subtle" aria-live="polite">
        {"range" in search ? (refreshing ? "Refreshing…" : "Live: refreshes every 30 s while this tab is visible") : "Fixed range"}
      </span>
    </div>
  );
}

/** datetime-local inputs speak local wall time without a zone; the console's times are UTC. */
function toInput(iso: string): string {
  return iso.slice(0, 16);
}

function fromInput(value: string): string {
  return new Date(`${value}:00Z`).toISOString();
}
