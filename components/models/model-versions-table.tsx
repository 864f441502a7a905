import type { ReactNode } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatDateTime, formatPercent } from "@/components/ui/format";
import { TableHead } from "@/components/ui/table-head";
import type { ModelVersionView } from "@/lib/models/get-models-overview";

const APPROVAL: Record<string, { tone: BadgeTone; label: string }> = {
  Approved: { tone: "success", label: "Approved" },
  Rejected: { tone: "danger", label: "Rejected" },
  PendingManualApproval: { tone: "warning", label: "Pending approval" },
};

/** The figures row's columns (the actions row spans them all). */
const COLUMNS = 7;

const formatMetric = (value: number | null | undefined) => (value == null ? "—" : value.toFixed(3));
const formatDay = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : "—");

/** A figure beside production's on the same held-out split (the champion block), when there is one. */
function Figure({ value, champion }: { value: number | null | undefined; champion?: number | null }) {
  return (
    <>
      <span>{formatMetric(value)}</span>
      {champion != null && <span className="block text-[11px] text-subtle">prod {formatMetric(champion)}</span>}
    </>
  );
}

/**
 * The promotion screen's versions: evaluation (beside production's on the same split), approval
 * with who/when/comment, where each is deployed, and per version the actions `renderActions` draws
 * in a row of their own beneath (each version is one <tbody id="v<N>">, the Endpoints page's anchor).
 * Props only: the screen fetches.
 */
export function ModelVersionsTable({
  versions,
  renderActions,
}: {
  versions: readonly ModelVersionView[];
  renderActions?: (version: ModelVersionView) => ReactNode;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-[13px]">
        <TableHead
          columns={[
            { label: "Version", className: "w-20" },
            { label: "ROC-AUC", className: "whitespace-nowrap text-right" },
            { label: "PR-AUC", className: "whitespace-nowrap text-right" },
            { label: "Recall @ 80% precision", className: "text-right" },
            "Evaluated · training data",
            "Approval",
            "Deployed",
          ]}
        />
        {versions.map((v) => {
          const approval = APPROVAL[v.approval.status] ?? { tone: "neutral" as const, label: v.approval.status };
          const m = v.metrics;
          const champion = m?.champion;
          return (
            // One body per version: its figures, then its actions across the table's width.
            <tbody key={v.arn || v.version} id={`v${v.version}`} className="scroll-mt-4 border-t border-line first-of-type:border-t-0">
              <tr className="align-top">
                <td className="tabular px-4 py-2.5 font-semibold" title={v.description ?? undefined}>
                  v{v.version}
                  {champion && <span className="block text-[11px] font-normal text-subtle">vs prod v{champion.version}</span>}
                </td>
                <td className="tabular px-4 py-2.5 text-right">
                  <Figure value={m?.rocAuc} champion={champion?.rocAuc} />
                </td>
                <td className="tabular px-4 py-2.5 text-right">
                  <Figure value={m?.prAuc} champion={champion?.prAuc} />
                </td>
                <td className="tabular px-4 py-2.5 text-right">
                  <Figure value={m?.recallAt80Precision} champion={champion?.recallAt80Precision} />
                </td>
                <td className="px-4 py-2.5 text-muted">
                  <span className="block whitespace-nowrap">{formatDay(m?.evaluatedAt)}</span>
                  <span className="block whitespace-nowrap text-[12px]">
                    {m?.trainingWindow ? `${formatDay(m.trainingWindow.from)} → ${formatDay(m.trainingWindow.to)}` : "—"}
                  </span>
                  {m?.sampleWarning && <span className="mt-1 block max-w-56 text-[12px] text-warning">{m.sampleWarning}</span>}
                </td>
                <td className="px-4 py-2.5">
                  <Badge tone={approval.tone}>{approval.label}</Badge>
                  {v.approval.by && (
                    <span className="mt-1 block text-[12px] text-muted">
                      {v.approval.by} · {formatDateTime(v.approval.at)}
                    </span>
                  )}
                  {v.approval.comment && <span className="mt-0.5 block max-w-xs text-[12px] text-muted">“{v.approval.comment}”</span>}
                </td>
                <td className="px-4 py-2.5 text-muted">
                  {v.deployments.length === 0
                    ? "—"
                    : v.deployments.map((d) => (
                        <span key={`${d.endpointName}/${d.variantName}`} className="block whitespace-nowrap">
                          <span className="font-medium text-foreground">{d.variantName}</span> {d.shadow ? "shadow, copies " : ""}
                          {formatPercent(d.trafficShare)}
                        </span>
                      ))}
                </td>
              </tr>
              {renderActions && (
                <tr>
                  <td colSpan={COLUMNS} className="px-4 pb-3 pt-0">
                    <div
                      role="group"
                      aria-label={`Actions for v${v.version}`}
                      className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-x-4 gap-y-1"
                    >
                      {renderActions(v)}
                    </div>
                  </td>
                </tr>
              )}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
