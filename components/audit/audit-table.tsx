"use client";

import { Fragment, useState } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format";
import type { AuditEntry } from "@/lib/audit/audit-entry";
import { ChangeDiff } from "./change-diff";
import { TableHead } from "@/components/ui/table-head";

function actionTone(action: string): BadgeTone {
  if (/revoke|rollback|delete/.test(action)) return "danger";
  if (/create|promot/.test(action)) return "success";
  return "accent";
}

/** One row per recorded action; a row opens to show what changed (before → after). */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-[13px]" aria-label="Audit log">
        <TableHead columns={["When", "Who", "Action", "Target", "Why", { label: "Changes", srOnly: true }]} />
        <tbody className="divide-y divide-line">
          {entries.map((entry) => {
            const isOpen = openId === entry.id;
            return (
              <Fragment key={entry.id}>
                <tr className={isOpen ? "bg-surface-muted/60" : undefined}>
                  <td className="tabular whitespace-nowrap px-4 py-2.5 text-muted">{formatDateTime(entry.at)}</td>
                  <td className="px-4 py-2.5">{entry.actor}</td>
                  <td className="px-4 py-2.5">
                    <Badge tone={actionTone(entry.action)}>{entry.action}</Badge>
                    {entry.state === "pending" && (
                      <span className="ml-1.5" title="Recorded before the change; its outcome was never confirmed">
                        <Badge tone="warning">unconfirmed</Badge>
                      </span>
                    )}
                  </td>
                  <td className="px-4 py-2.5 font-mono text-[12px]">{entry.target}</td>
                  <td className="max-w-[280px] px-4 py-2.5 text-muted">{entry.reason ?? <span className="text-subtle">—</span>}</td>
                  <td className="px-4 py-2.5 text-right">
                    <button
                      type="button"
                      aria-expanded={isOpen}
                      aria-controls={`audit-diff-${entry.id}`}
                      onClick={() => setOpenId(isOpen ? null : entry.id)}
                      className="whitespace-nowrap rounded-md px-2 py-1 text-[12px] font-medium text-accent hover:bg-accent-soft"
                    >
                      {isOpen ? "Hide changes" : "Show changes"}
                    </button>
                  </td>
                </tr>
                {isOpen && (
                  <tr id={`audit-diff-${entry.id}`}>
                    <td colSpan={6} className="bg-surface-muted/60 px-4 pb-4">
                      <ChangeDiff before={entry.before} after={entry.after} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
