"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { VariantMetricsPoint } from "@/lib/metrics/endpoint-metrics";

export interface SeriesLine {
  key: keyof Omit<VariantMetricsPoint, "t">;
  name: string;
  colour: string;
}

const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

/** A small per-variant series (props only; the card fetches). Gaps where a period had no data. */
export function VariantSeriesChart({
  points,
  lines,
  label,
  format,
  minTop = 1,
}: {
  points: readonly VariantMetricsPoint[];
  lines: readonly SeriesLine[];
  label: string;
  format: (value: number) => string;
  /** The y axis' least top, so a flat 0 series does not stretch to an arbitrary scale. */
  minTop?: number;
}) {
  const data = points.map((p) => ({ ...p, ms: Date.parse(p.t) }));
  return (
    <figure role="img" aria-label={label} className="m-0 h-28">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 6, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke="var(--line)" />
          <XAxis
            dataKey="ms"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
            tickFormatter={(ms: number) => time.format(ms)}
            tick={{ fontSize: 10, fill: "var(--subtle)" }}
            stroke="var(--line-strong)"
            minTickGap={28}
          />
          <YAxis
            width={48}
            domain={[0, (dataMax: number) => Math.max(dataMax, minTop)]}
            tickFormatter={format}
            tick={{ fontSize: 10, fill: "var(--subtle)" }}
            stroke="var(--line-strong)"
            allowDecimals
          />
          <Tooltip
            labelFormatter={(ms) => `${time.format(Number(ms))} UTC`}
            formatter={(value) => (typeof value === "number" ? format(value) : String(value))}
            contentStyle={{
              background: "var(--surface)",
              border: "1px solid var(--line)",
              borderRadius: 8,
              fontSize: 12,
              color: "var(--foreground)",
            }}
          />
          {lines.map((l) => (
            <Line
              key={l.key}
              dataKey={l.key}
              name={l.name}
              stroke={l.colour}
              dot={false}
              strokeWidth={1.5}
              isAnimationActive={false}
              connectNulls={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
