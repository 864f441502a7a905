import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import type { ModelVersion } from "@/lib/models/model-version";
import { TableHead } from "@/components/ui/table-head";

const APPROVAL: Record<string, { tone: BadgeTone; label: string }> = {
  Approved: { tone: "success", label: "Approved" },
  Rejected: { tone: "danger", label: "Rejected" },
  PendingManualApproval: { tone: "warning", label: "Pending approval" },
};

export function ModelVersionsTable({ groupName, versions }: { groupName: string; versions: ModelVersion[] }) {
  return (
    <Card
      title={`Model package group ${groupName}`}
      description="Newest first. Evaluation metrics per version arrive with model evaluation."
    >
      <div className="overflow-x-auto">
        <table className="w-full text-left text-[13px]">
          <TableHead columns={[{ label: "Version", className: "w-24" }, "Approval", "Created", "Description"]} />
          <tbody className="divide-y divide-line">
            {versions.map((v) => {
              const approval = APPROVAL[v.approvalStatus] ?? { tone: "neutral" as const, label: v.approvalStatus };
              return (
                <tr key={v.arn || v.version}>
                  <td className="tabular px-4 py-2.5 font-semibold">v{v.version}</td>
                  <td className="px-4 py-2.5">
                    <Badge tone={approval.tone}>{approval.label}</Badge>
                  </td>
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
