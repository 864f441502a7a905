import Link from "next/link";
import type { BudgetPanel as BudgetData } from "@/lib/dashboards/panels/budget";
import { formatDateTime } from "@/components/ui/format";
import { formatCount, formatShare } from "./format";
import { PanelCard } from "./panel-card";
import { TimeChart } from "./time-chart";

const rate = (r: number | null) => (r === null ? "—" : `${r.toFixed(r >= 10 ? 0 : 1)}×`);

/** Error budget remaining and burn rate over the range, with the freeze and rollback thresholds marked. */
export function BudgetPanel({ data }: { data: BudgetData }) {
  const timestamps = data.timeline.map((p) => Date.parse(p.at));
  const burn1h = data.burnRates.find((b) => b.window === "1h")?.burnRate ?? null;
  const status = data.rollbackDue
    ? `${formatShare(1 - data.remaining)} burned: the error-budget alarm rolls the canary back.`
    : data.frozen
      ? `Promotions frozen since ${formatDateTime(data.frozenSince)}, until ${formatDateTime(data.frozenUntil)} if no more requests fail.`
      : null;
  return (
    <PanelCard
      testId="panel-budget"
      title="Error budget"
      description={`SLO ${formatShare(data.slo.availabilityTarget)} answered without error and not degraded, over the rolling ${data.window.days} days to ${formatDateTime(data.window.to)}; the same budget that freezes promotions (Models).`}
      figures={[
        { label: "Budget remaining", value: formatShare(data.remaining) },
        {
          label: "Burned within 7 days",
          value: formatShare(data.burnedLast7d),
          hint: `Promotions freeze at ${formatShare(data.thresholds.freezeShare)}`,
        },
        { label: "Burn rate (1 h)", value: rate(burn1h), hint: "Errors and degraded answers against the pace the SLO allows" },
        { label: "Bad / allowed", value: `${formatCount(data.bad)} / ${formatCount(Math.floor(data.allowedBad))}` },
        { label: "Alerts firing", value: data.firing.length === 0 ? "none" : data.firing.map((a) => a.id).join(", ") },
      ]}
      empty={timestamps.length === 0 ? "The budget's 5-minute timeline has no step inside this range: pick a longer one." : undefined}
    >
      {status && (
        <p role="status" className="rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-[12px] text-warning">
          {status}{" "}
          <Link href="/models" className="underline">
            Models
          </Link>
        </p>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <TimeChart
          label="Error budget remaining and burned within 7 days"
          timestamps={timestamps}
          series={[
            { key: "remaining", label: "Remaining", values: data.timeline.map((p) => p.remaining), color: "var(--chart-1)" },
            { key: "burned7d", label: "Burned within 7 days", values: data.timeline.map((p) => p.burnedLast7d), color: "var(--chart-3)" },
          ]}
          format={formatShare}
          yMax={1}
          thresholds={[
            { value: data.thresholds.freezeShare, label: "freeze", color: "var(--warning)" },
            { value: 1 - data.thresholds.rollbackShare, label: "rollback", color: "var(--danger)" },
          ]}
        />
        <TimeChart
          label="Burn rate over the hour ending at each step"
          timestamps={timestamps}
          series={[{ key: "burn", label: "Burn rate (1 h)", values: data.timeline.map((p) => p.burnRate1h), color: "var(--chart-5)" }]}
          format={rate}
          minTop={1.5}
          thresholds={[{ value: 1, label: "1× (budget pace)", color: "var(--danger)" }]}
        />
      </div>
    </PanelCard>
  );
}
