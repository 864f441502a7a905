"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { FeatureImportance } from "@/lib/explanations/aggregate";

const ROW_PX = 24;

/** Mean |SHAP| per feature, largest first. Props only: the card fetches and picks the version. */
export function FeatureImportanceChart({ importance, modelVersion }: { importance: readonly FeatureImportance[]; modelVersion: string }) {
  const rows = importance.map((f) => ({ label: f.label, value: Number(f.meanAbsShap.toFixed(3)) }));
  const label = `Mean absolute SHAP per feature for model ${modelVersion}: ${rows
    .slice(0, 3)
    .map((r) => `${r.label} ${r.value}`)
    .join(", ")}`;
  return (
    <figure role="img" aria-label={label} className="m-0" style={{ height: rows.length * ROW_PX + 40 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 44, bottom: 4, left: 8 }} barCategoryGap={4}>
          <CartesianGrid horizontal={false} stroke="var(--line)" />
          <XAxis type="number" tick={{ fontSize: 11, fill: "var(--subtle)" }} stroke="var(--line-strong)" />
          <YAxis
            type="category"
            dataKey="label"
            width={210}
            interval={0}
            tick={{ fontSize: 12, fill: "var(--foreground)" }}
            stroke="var(--line-strong)"
          />
          <Tooltip
            cursor={{ fill: "var(--surface-muted)" }}
            contentStyle={{ background: "var(--surface)", border: "1px solid var(--line)", borderRadius: 8, fontSize: 12 }}
          />
          <Bar dataKey="value" name="mean |SHAP|" fill="var(--chart-1)" isAnimationActive={false} radius={2}>
            <LabelList dataKey="value" position="right" style={{ fontSize: 11, fill: "var(--muted)" }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
