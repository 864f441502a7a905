"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface TimelineDay {
  /** UTC day start, epoch ms. */
  day: number;
  alarm: number;
  manual: number;
}

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** Rollbacks per UTC day over the chosen range, stacked by trigger. Props only: the page counts. */
export function RollbackTimelineChart({ days, label }: { days: readonly TimelineDay[]; label: string }) {
  return (
    <figure role="img" aria-label={label} className="m-0 h-40">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={days} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} barCategoryGap={1}>
          <CartesianGrid vertical={false} stroke="var(--line)" />
          <XAxis
            dataKey="day"
            tickFormatter={(ms: number) => dayFormat.format(ms)}
            tick={{ fontSize: 10, fill: "var(--subtle)" }}
            stroke="var(--line-strong)"
            minTickGap={24}
          />
          <YAxis width={28} allowDecimals={false} tick={{ fontSize: 10, fill: "var(--subtle)" }} stroke="var(--line-strong)" />
          <Tooltip
            cursor={{ fill: "var(--surface-muted)" }}
            labelFormatter={(ms) => dayFormat.format(Number(ms))}
            contentStyle={{
              background: "var(--surface)",
              border: "1px solid var(--line)",
              borderRadius: 8,
              fontSize: 12,
              color: "var(--foreground)",
            }}
          />
          <Legend wrapperStyle={{ fontSize: 11, color: "var(--muted)" }} iconSize={8} />
          <Bar dataKey="alarm" name="by alarm" stackId="t" fill="var(--chart-5)" isAnimationActive={false} />
          <Bar dataKey="manual" name="manual" stackId="t" fill="var(--chart-1)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
