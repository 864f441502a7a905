import { Badge } from "@/components/ui/badge";
import { TableHead } from "@/components/ui/table-head";
import type { DriftScoreResult } from "@/lib/drift/drift-run";
import { count, fixed, percent, STATUS_LABEL, STATUS_TONE } from "./drift-format";

/** Prediction drift: each variant's score distribution against its own model's training scores. */
export function ScoreDriftTable({ score, onSelect }: { score: readonly DriftScoreResult[]; onSelect: (feature: string) => void }) {
  if (score.length === 0) return <p className="px-4 py-3 text-[12px] text-muted">No scored records in this window.</p>;
  return (
    <table className="w-full text-[12px]">
      <TableHead
        columns={[
          "Variant",
          "Status",
          { label: "Records", className: "text-right" },
          { label: "PSI", className: "text-right" },
          { label: "KS D", className: "text-right" },
          { label: "W1", className: "text-right" },
          { label: "Mean (baseline)", className: "text-right" },
        ]}
      />
      <tbody>
        {score.map((s) => (
          <tr key={s.variant} className="border-b border-line last:border-0">
            <td className="px-4 py-1.5">
              <button type="button" onClick={() => onSelect(`score:${s.variant}`)} className="font-medium hover:underline">
                {s.variant}
              </button>{" "}
              <span className="text-subtle">v{s.modelVersion}</span>
            </td>
            <td className="px-4 py-1.5">
              <Badge tone={STATUS_TONE[s.status]}>{STATUS_LABEL[s.status]}</Badge>
            </td>
            <td className="px-4 py-1.5 text-right tabular-nums">{count(s.records)}</td>
            <td className="px-4 py-1.5 text-right tabular-nums">{fixed(s.psi)}</td>
            <td className="px-4 py-1.5 text-right tabular-nums">{fixed(s.ks)}</td>
            <td className="px-4 py-1.5 text-right tabular-nums">{fixed(s.wasserstein)}</td>
            <td className="px-4 py-1.5 text-right tabular-nums">
              {fixed(s.mean, 4)} ({fixed(s.baselineMean, 4)}){s.meanShift != null && ` · ${percent(s.meanShift)}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
