import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import type { ModelMetrics } from "@/lib/models/model-metrics";
import type { ModelVersion } from "@/lib/models/model-version";
import { TableHead } from "@/components/ui/table-head";

const APPROVAL: Record<string, { tone: BadgeTone; label: string }> = {
  Approved: { tone: "success", label: "Approved" },
  Rejected: { tone: "danger", label: "Rejected" },
  PendingManualApproval: { tone: "warning", label: "Pending approval" },
};

const formatMetric = (value: number | null | undefined) => (value == null ? "—" : value.toFixed(3));

/** `metrics[i]` belongs to `versions[i]`; null where a version has no readable evaluation. */
export function ModelVersionsTable({
  groupName,
  versions,
  metrics,
}: {
  groupName: string;
  versions: ModelVersion[];
  metrics: ReadonlyArray<ModelMetrics | null>;
}) {
  const evaluatedOn = metrics.find((m) => m)?.evaluatedRows;
  return (
    <Card
      title={`Model package group ${groupName}`}
      description={`Newest first. Metrics from each version's evaluation on its held-out test split${evaluatedOn ? ` (${evaluatedOn.toLocaleString("en-US")} transactions)` : ""}.`}
    >
      <div className="overflow-x-auto">
        <table className="w-full text-left text-[13px]">
          <TableHead
            columns={[
              { label: "Version", className: "w-24" },
              "Approval",
              { label: "ROC-AUC", className: "whitespace-nowrap text-right" },
              { label: "PR-AUC", className: "whitespace-nowrap text-right" },
              { label: "Recall @ 80% precision", className: "text-right" },
              "Created",
              "Description",
            ]}
          />
          <tbody className="divide-y divide-line">
            {versions.map((v, i) => {
              const m = metrics[i];
              const approval = APPROVAL[v.approvalStatus] ?? { tone: "neutral" as const, label: v.approvalStatus };
              return (
                <tr key={v.arn || v.version}>
                  <td className="tabular px-4 py-2.5 font-semibold">v{v.version}</td>
                  <td className="px-4 py-2.5">
                    <Badge tone={approval.tone}>{approval.label}</Badge>
                  </td>
                  <td className="tabular px-4 py-2.5 text-right">{formatMetric(m?.rocAuc)}</td>
                  <td className="tabular px-4 py-2.5 text-right">{formatMetric(m?.prAuc)}</td>
                  <td className="tabular px-4 py-2.5 text-right">{formatMetric(m?.recallAt80Precision)}</td>
                  <td className="tabular whitespace-nowrap px-4 py-2.5 text-muted">{formatDateTime(v.createdAt)}</td>
                  <td className="px-4 py-2.5 text-muted">{v.description ?? "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
