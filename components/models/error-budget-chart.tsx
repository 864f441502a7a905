"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { BudgetPoint } from "@/lib/error-budget/error-budget";

const axis = { fontSize: 11, fill: "var(--subtle)" };
const tooltipStyle = { background: "var(--surface)", border: "1px solid var(--line)", borderRadius: 8, fontSize: 12 };
const day = (iso: string) => iso.slice(5, 10);
const hour = (label: unknown) => (typeof label === "string" ? `${label.slice(0, 16).replace("T", " ")} UTC` : "");

/**
 * Budget remaining and burned within 7 days over the 30 days (freeze at 30% burned within 7 days,
 * rollback at 80% burned, i.e. 20% remaining), and the 1-hour burn rate with the alerts' rates.
 * Props only: the card fetches.
 */
export function ErrorBudgetChart({
  timeline,
  freezeShare,
  rollbackShare,
}: {
  timeline: readonly BudgetPoint[];
  freezeShare: number;
  rollbackShare: number;
}) {
  const rows = timeline.map((p) => ({
    at: p.at,
    remaining: Number((p.remaining * 100).toFixed(2)),
    burned7d: Number((p.burnedLast7d * 100).toFixed(2)),
    burn: p.burnRate1h === null ? null : Number(p.burnRate1h.toFixed(2)),
  }));
  const last = rows.at(-1);
  const label = last
    ? `Error budget over 30 days: ${last.remaining}% remaining, ${last.burned7d}% burned within 7 days, burn rate ${last.burn ?? "n/a"} over the last hour`
    : "Error budget: no data";
  return (
    <figure role="img" aria-label={label} className="m-0 grid gap-4 md:grid-cols-2">
      <div style={{ height: 200 }}>
        <p className="mb-1 text-[12px] text-muted">Budget remaining and burned within 7 days (%)</p>
        <ResponsiveContainer width="100%" height="90%">
          <LineChart data={rows} margin={{ top: 4, right: 12, bottom: 0, left: -12 }}>
            <CartesianGrid stroke="var(--line)" vertical={false} />
            <XAxis dataKey="at" tickFormatter={day} tick={axis} stroke="var(--line-strong)" minTickGap={40} />
            <YAxis tick={axis} stroke="var(--line-strong)" domain={[(min: number) => Math.min(0, min), 100]} />
            <Tooltip contentStyle={tooltipStyle} labelFormatter={hour} />
            <ReferenceLine
              y={freezeShare * 100}
              stroke="var(--warning)"
              strokeDasharray="4 3"
              label={{ value: "freeze", fontSize: 10, fill: "var(--warning)", position: "insideTopRight" }}
            />
            <ReferenceLine
              y={(1 - rollbackShare) * 100}
              stroke="var(--danger)"
              strokeDasharray="4 3"
              label={{ value: "rollback", fontSize: 10, fill: "var(--danger)", position: "insideBottomRight" }}
            />
            <Line dataKey="remaining" name="remaining %" stroke="var(--chart-1)" dot={false} isAnimationActive={false} />
            <Line dataKey="burned7d" name="burned within 7 days %" stroke="var(--chart-3)" dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <div style={{ height: 200 }}>
        <p className="mb-1 text-[12px] text-muted">Burn rate over the last hour (× budget pace)</p>
        <ResponsiveContainer width="100%" height="90%">
          <LineChart data={rows} margin={{ top: 4, right: 12, bottom: 0, left: -12 }}>
            <CartesianGrid stroke="var(--line)" vertical={false} />
            <XAxis dataKey="at" tickFormatter={day} tick={axis} stroke="var(--line-strong)" minTickGap={40} />
            <YAxis tick={axis} stroke="var(--line-strong)" />
            <Tooltip contentStyle={tooltipStyle} labelFormatter={hour} />
            {[14.4, 6, 1].map((rate) => (
              <ReferenceLine
                key={rate}
                y={rate}
                stroke="var(--danger)"
                strokeDasharray="4 3"
                label={{ value: `${rate}×`, fontSize: 10, fill: "var(--danger)", position: "insideTopRight" }}
              />
            ))}
            <Line dataKey="burn" name="burn rate 1 h" stroke="var(--chart-5)" dot={false} isAnimationActive={false} connectNulls={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
