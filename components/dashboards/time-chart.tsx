"use client";

import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { Series } from "@/lib/metrics/metric-series";

export interface ChartSeries {
  key: string;
  label: string;
  values: Series;
  color: string;
}

export interface ChartMarker {
  at: number;
  label: string;
  color: string;
}

interface TimeChartProps {
  /** What the chart shows, for screen readers (the figures are in the card's text too). */
  label: string;
  timestamps: readonly number[];
  series: readonly ChartSeries[];
  kind?: "line" | "stacked" | "bars" | "stackedBars";
  format: (value: number) => string;
  height?: number;
  /** A shaded stretch of the time axis (e.g. the label-lag window). */
  shade?: { from: number; to: number; label: string };
  markers?: readonly ChartMarker[];
  /** Horizontal lines at policy values (e.g. the error budget's freeze and rollback shares). */
  thresholds?: ReadonlyArray<{ value: number; label: string; color: string }>;
  yMax?: number;
  /** The y axis reaches at least this high, so a flat zero line does not get a 0–400 % scale. */
  minTop?: number;
}

const UTC_TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const UTC_DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const UTC_FULL = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function axisTime(t: number, spanMs: number): string {
  return spanMs > 2 * 86_400_000 ? UTC_DAY.format(t) : UTC_TIME.format(t);
}

const tooltipStyle = {
  background: "var(--surface)",
  border: "1px solid var(--line)",
  borderRadius: 8,
  fontSize: 12,
  color: "var(--foreground)",
};
const tick = { fontSize: 11, fill: "var(--subtle)" };

/** A time series chart in the console's colours (CSS variables, so light and dark mode both read). */
export function TimeChart({
  label,
  timestamps,
  series,
  kind = "line",
  format,
  height = 180,
  shade,
  markers = [],
  thresholds = [],
  yMax,
  minTop,
}: TimeChartProps) {
  const rows = timestamps.map((t, i): Record<string, number | null> => {
    const row: Record<string, number | null> = { t };
    for (const s of series) row[s.key] = s.values[i] ?? null;
    return row;
  });
  const span = (timestamps.at(-1) ?? 0) - (timestamps[0] ?? 0);
  const common = {
    data: rows,
    margin: { top: 6, right: 12, bottom: 0, left: 0 },
  };
  const axes = [
    <CartesianGrid key="grid" vertical={false} stroke="var(--line)" />,
    <XAxis
      key="x"
      dataKey="t"
      // Bars sit on their buckets (category axis); lines and areas on a true time axis.
      {...(kind === "bars" || kind === "stackedBars"
        ? { type: "category" as const }
        : { type: "number" as const, scale: "time" as const, domain: ["dataMin", "dataMax"] })}
      tickFormatter={(t: number) => axisTime(t, span)}
      tick={tick}
      stroke="var(--line-strong)"
      minTickGap={40}
    />,
    <YAxis
      key="y"
      tickFormatter={format}
      tick={tick}
      stroke="var(--line-strong)"
      width={56}
      domain={[0, yMax ?? (minTop === undefined ? "auto" : (dataMax: number) => Math.max(dataMax, minTop))]}
      allowDecimals
    />,
    <Tooltip
      key="tooltip"
      contentStyle={tooltipStyle}
      labelFormatter={(t) => `${UTC_FULL.format(Number(t))} UTC`}
      formatter={(value, name) => [typeof value === "number" ? format(value) : "no data", name]}
    />,
    series.length > 1 ? <Legend key="legend" wrapperStyle={{ fontSize: 12 }} iconSize={10} /> : null,
    shade ? (
      <ReferenceArea
        key="shade"
        x1={shade.from}
        x2={shade.to}
        fill="var(--surface-muted)"
        fillOpacity={0.8}
        label={{ value: shade.label, fontSize: 11, fill: "var(--muted)", position: "insideTop" }}
      />
    ) : null,
    ...thresholds.map((th) => (
      <ReferenceLine
        key={`y${th.label}`}
        y={th.value}
        stroke={th.color}
        strokeDasharray="4 3"
        label={{ value: th.label, fontSize: 10, fill: th.color, position: "insideTopRight" }}
      />
    )),
    ...markers.map((m) => (
      <ReferenceLine
        key={`m${m.at}${m.label}`}
        x={m.at}
        stroke={m.color}
        strokeDasharray="4 3"
        label={{ value: m.label, fontSize: 10, fill: m.color, position: "insideTopLeft" }}
      />
    )),
  ];
  return (
    <figure role="img" aria-label={label} className="m-0" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        {kind === "stacked" ? (
          <AreaChart {...common}>
            {axes}
            {series.map((s) => (
              <Area
                key={s.key}
                type="monotone"
                dataKey={s.key}
                name={s.label}
                stackId="1"
                stroke={s.color}
                fill={s.color}
                fillOpacity={0.35}
                isAnimationActive={false}
                connectNulls={false}
              />
            ))}
          </AreaChart>
        ) : kind === "bars" || kind === "stackedBars" ? (
          <BarChart {...common}>
            {axes}
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stackId={kind === "stackedBars" ? "1" : undefined}
                fill={s.color}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        ) : (
          <LineChart {...common}>
            {axes}
            {series.map((s) => (
              <Line
                key={s.key}
                type="monotone"
                dataKey={s.key}
                name={s.label}
                stroke={s.color}
                dot={false}
                strokeWidth={1.6}
                isAnimationActive={false}
                connectNulls={false}
              />
            ))}
          </LineChart>
        )}
      </ResponsiveContainer>
    </figure>
  );
}
