"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Waterfall } from "@/lib/explanations/waterfall";

const ROW_PX = 30;
const percent = (p: number) => `${(p * 100).toFixed(p < 0.1 ? 2 : 1)}%`;
const signed = (n: number) => `${n >= 0 ? "+" : "−"}${Math.abs(n).toFixed(2)}`;

interface Row {
  label: string;
  description: string;
  contribution: number;
  range: [number, number];
}

/**
 * SHAP waterfall from the model's base value to the transaction's score, in log-odds (where the
 * contributions add up exactly); red pushes towards fraud, green away. Props only: the page fetches.
 */
export function ShapWaterfallChart({ waterfall }: { waterfall: Waterfall }) {
  const rows: Row[] = waterfall.steps.map((s) => ({
    label: s.display ? `${s.label} = ${s.display}` : s.label,
    description: s.description,
    contribution: s.contribution,
    range: [Math.min(s.start, s.end), Math.max(s.start, s.end)],
  }));
  const edges = waterfall.steps.flatMap((s) => [s.start, s.end]);
  const lo = Math.floor(Math.min(...edges, waterfall.baseValue) - 0.5);
  const hi = Math.ceil(Math.max(...edges, waterfall.baseValue) + 0.8);
  const label = `SHAP waterfall: from a base rate of ${percent(waterfall.baseProbability)} to a score of ${percent(waterfall.finalProbability)}, ${waterfall.steps
    .slice(0, 3)
    .map((s) => `${s.label} ${signed(s.contribution)}`)
    .join(", ")}`;
  return (
    <figure role="img" aria-label={label} className="m-0">
      <div style={{ height: rows.length * ROW_PX + 56 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ top: 22, right: 48, bottom: 4, left: 8 }} barCategoryGap={6}>
            <CartesianGrid horizontal={false} stroke="var(--line)" />
            <XAxis
              type="number"
              domain={[lo, hi]}
              tick={{ fontSize: 11, fill: "var(--subtle)" }}
              stroke="var(--line-strong)"
              tickFormatter={(v: number) => v.toFixed(0)}
            />
            <YAxis
              type="category"
              dataKey="label"
              width={290}
              tick={{ fontSize: 12, fill: "var(--foreground)" }}
              stroke="var(--line-strong)"
              interval={0}
            />
            <Tooltip
              cursor={{ fill: "var(--surface-muted)" }}
              contentStyle={{ background: "var(--surface)", border: "1px solid var(--line)", borderRadius: 8, fontSize: 12 }}
              formatter={(_: unknown, __: unknown, item: { payload?: Row }) => [
                `${signed(item.payload?.contribution ?? 0)} log-odds`,
                item.payload?.description ?? "",
              ]}
            />
            <ReferenceLine
              x={waterfall.baseValue}
              stroke="var(--subtle)"
              strokeDasharray="3 3"
              label={{ value: `base ${percent(waterfall.baseProbability)}`, position: "top", fontSize: 11, fill: "var(--muted)" }}
            />
            <ReferenceLine
              x={waterfall.finalValue}
              stroke="var(--foreground)"
              label={{ value: `score ${percent(waterfall.finalProbability)}`, position: "top", fontSize: 11, fill: "var(--foreground)" }}
            />
            <Bar dataKey="range" isAnimationActive={false} radius={2}>
              {rows.map((r) => (
                <Cell key={r.label} fill={r.contribution >= 0 ? "var(--danger)" : "var(--success)"} />
              ))}
              <LabelList
                dataKey="contribution"
                position="right"
                formatter={(v: unknown) => signed(Number(v))}
                style={{ fontSize: 11, fill: "var(--muted)" }}
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{label}</figcaption>
    </figure>
  );
}
