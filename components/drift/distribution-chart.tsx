"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DriftHistogramBin } from "@/lib/drift/drift-run";

/**
 * Baseline (training) and window distributions of one feature on the baseline's bins, overlaid
 * (the baseline a wide translucent bar, the window a narrower solid one on a second, hidden axis
 * over the same bins), with the missing and never-seen bins last. Props only.
 */
export function DistributionChart({ bins, feature }: { bins: readonly DriftHistogramBin[]; feature: string }) {
  const rows = bins.map((b) => ({
    label: b.label,
    baseline: Number((b.baseline * 100).toFixed(2)),
    current: Number((b.current * 100).toFixed(2)),
  }));
  const moved = [...bins].sort((a, b) => Math.abs(b.current - b.baseline) - Math.abs(a.current - a.baseline))[0];
  const label = `${feature}: share of records per bin, training baseline versus this window${
    moved ? `; largest change in ${moved.label}: ${(moved.baseline * 100).toFixed(1)}% → ${(moved.current * 100).toFixed(1)}%` : ""
  }`;
  return (
    <figure role="img" aria-label={label} className="m-0 h-[280px]">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 12, right: 16, bottom: 32, left: 0 }} barCategoryGap="12%">
          <CartesianGrid vertical={false} stroke="var(--line)" />
          <XAxis xAxisId="baseline" dataKey="label" hide />
          <XAxis
            xAxisId="current"
            dataKey="label"
            interval={0}
            angle={-30}
            textAnchor="end"
            height={48}
            tick={{ fontSize: 10, fill: "var(--subtle)" }}
            stroke="var(--line-strong)"
          />
          <YAxis unit="%" tick={{ fontSize: 11, fill: "var(--subtle)" }} stroke="var(--line-strong)" />
          <Tooltip
            cursor={{ fill: "var(--surface-muted)" }}
            contentStyle={{ background: "var(--surface)", border: "1px solid var(--line)", borderRadius: 8, fontSize: 12 }}
            formatter={(value) => `${String(value)}%`}
          />
          <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12 }} />
          <Bar
            xAxisId="baseline"
            dataKey="baseline"
            name="training baseline"
            fill="var(--chart-2)"
            fillOpacity={0.45}
            isAnimationActive={false}
          />
          <Bar xAxisId="current" dataKey="current" name="this window" fill="var(--chart-1)" barSize={14} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
