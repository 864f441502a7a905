"use client";

import { CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from "recharts";
import type { DriftStatus } from "@/lib/drift/drift-run";
import { STATUS_COLOUR } from "./drift-format";

export interface DriftImportancePoint {
  feature: string;
  label: string;
  psi: number;
  importance: number;
  status: DriftStatus;
}

/**
 * Drift (PSI) against importance (mean |SHAP|), DataRobot's quadrant: the top right is drift that
 * matters. Props only: the card picks the run.
 */
export function DriftImportanceChart({
  points,
  psiWarn,
  psiAlert,
}: {
  points: readonly DriftImportancePoint[];
  psiWarn: number;
  psiAlert: number;
}) {
  const top = [...points].sort((a, b) => b.psi * b.importance - a.psi * a.importance).slice(0, 3);
  const label = `Drift versus importance per feature. Most drift weighted by importance: ${top
    .map((p) => `${p.label} (PSI ${p.psi.toFixed(2)}, importance ${p.importance.toFixed(2)})`)
    .join(", ")}`;
  return (
    <figure role="img" aria-label={label} className="m-0 h-[280px]">
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 12, right: 24, bottom: 24, left: 8 }}>
          <CartesianGrid stroke="var(--line)" />
          <XAxis
            type="number"
            dataKey="importance"
            name="importance"
            tick={{ fontSize: 11, fill: "var(--subtle)" }}
            stroke="var(--line-strong)"
            label={{ value: "importance (mean |SHAP|)", position: "insideBottom", offset: -12, fontSize: 11, fill: "var(--muted)" }}
          />
          <YAxis
            type="number"
            dataKey="psi"
            name="PSI"
            tick={{ fontSize: 11, fill: "var(--subtle)" }}
            stroke="var(--line-strong)"
            label={{ value: "PSI", angle: -90, position: "insideLeft", fontSize: 11, fill: "var(--muted)" }}
          />
          <ZAxis range={[70, 70]} />
          <ReferenceLine y={psiWarn} stroke="var(--warning)" strokeDasharray="4 3" />
          <ReferenceLine y={psiAlert} stroke="var(--danger)" strokeDasharray="4 3" />
          <Tooltip
            cursor={{ strokeDasharray: "3 3" }}
            contentStyle={{ background: "var(--surface)", border: "1px solid var(--line)", borderRadius: 8, fontSize: 12 }}
            formatter={(value) => (typeof value === "number" ? value.toFixed(3) : String(value))}
            labelFormatter={() => ""}
          />
          <Scatter data={[...points]} name="features" isAnimationActive={false}>
            {points.map((p) => (
              <Cell key={p.feature} fill={STATUS_COLOUR[p.status]} />
            ))}
          </Scatter>
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}
