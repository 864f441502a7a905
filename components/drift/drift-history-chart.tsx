"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface DriftHistoryPoint {
  at: string;
  psi: number | null;
  distance: number | null;
}

/**
 * One feature's drift over the run history (oldest left): PSI and its distance (normalised W1 or
 * JS), with the thresholds marked. Props only.
 */
export function DriftHistoryChart({
  points,
  feature,
  distanceName,
  thresholds,
}: {
  points: readonly DriftHistoryPoint[];
  feature: string;
  distanceName: string;
  thresholds: { psiWarn: number; psiAlert: number; distance: number };
}) {
  const last = points.at(-1);
  const label = `${feature}: PSI over ${points.length} runs, latest ${last?.psi?.toFixed(3) ?? "none"}; warning at ${thresholds.psiWarn}, alert at ${thresholds.psiAlert}`;
  return (
    <figure role="img" aria-label={label} className="m-0 h-[260px]">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={[...points]} margin={{ top: 12, right: 24, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="var(--line)" />
          <XAxis dataKey="at" tick={{ fontSize: 11, fill: "var(--subtle)" }} stroke="var(--line-strong)" minTickGap={24} />
          <YAxis tick={{ fontSize: 11, fill: "var(--subtle)" }} stroke="var(--line-strong)" />
          <ReferenceLine
            y={thresholds.psiWarn}
            stroke="var(--warning)"
            strokeDasharray="4 3"
            label={{ value: "PSI warn", fontSize: 10, fill: "var(--warning)", position: "insideTopLeft" }}
          />
          <ReferenceLine
            y={thresholds.psiAlert}
            stroke="var(--danger)"
            strokeDasharray="4 3"
            label={{ value: "PSI alert", fontSize: 10, fill: "var(--danger)", position: "insideTopLeft" }}
          />
          {thresholds.distance !== thresholds.psiWarn && (
            <ReferenceLine y={thresholds.distance} stroke="var(--chart-2)" strokeDasharray="2 4" />
          )}
          <Tooltip
            contentStyle={{ background: "var(--surface)", border: "1px solid var(--line)", borderRadius: 8, fontSize: 12 }}
            formatter={(value) => (typeof value === "number" ? value.toFixed(3) : "—")}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line dataKey="psi" name="PSI" stroke="var(--chart-1)" dot={false} strokeWidth={2} isAnimationActive={false} connectNulls />
          <Line
            dataKey="distance"
            name={distanceName}
            stroke="var(--chart-2)"
            dot={false}
            strokeWidth={2}
            isAnimationActive={false}
            connectNulls
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
