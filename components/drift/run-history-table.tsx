import { Badge } from "@/components/ui/badge";
import { TableHead } from "@/components/ui/table-head";
import type { DriftRunSummary } from "@/lib/drift/drift-run";
import { count, percent, shortTime, windowLabel } from "./drift-format";

const TRIGGER: Record<DriftRunSummary["trigger"], string> = { manual: "Run now", schedule: "Schedule", seed: "Seeded" };

/** Every recorded run, newest first. */
export function RunHistoryTable({ runs }: { runs: readonly DriftRunSummary[] }) {
  return (
    <div className="max-h-[360px] overflow-y-auto">
      <table className="w-full text-[12px]">
        <TableHead
          columns={[
            "Run at",
            "Window",
            "Trigger",
            { label: "Records", className: "text-right" },
            { label: "Alert / warn", className: "text-right" },
            { label: "Drift weight", className: "text-right" },
            "Recommendation",
          ]}
        />
        <tbody>
          {runs.map((r) => {
            const alerts = r.features.filter((f) => f.status === "alert").length;
            const warnings = r.features.filter((f) => f.status === "warn").length;
            return (
              <tr key={r.id} className="border-b border-line last:border-0">
                <td className="px-4 py-1.5 tabular-nums">{shortTime(r.createdAt)}</td>
                <td className="px-4 py-1.5 tabular-nums">{windowLabel(r.from, r.to)}</td>
                <td className="px-4 py-1.5">{TRIGGER[r.trigger]}</td>
                <td className="px-4 py-1.5 text-right tabular-nums">{count(r.records)}</td>
                <td className="px-4 py-1.5 text-right tabular-nums">
                  {alerts} / {warnings}
                </td>
                <td className="px-4 py-1.5 text-right tabular-nums">{percent(r.weightedViolation, 0)}</td>
                <td className="px-4 py-1.5">
                  {r.recommendation ? <Badge tone="danger">retrain</Badge> : <span className="text-subtle">—</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
