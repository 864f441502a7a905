"use client";

import Link from "next/link";
import { Fragment, useState } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format";
import { TableHead } from "@/components/ui/table-head";
import { rollbackErrorText, type RollbackEvent } from "@/lib/queries/rollbacks";
import { diffStates } from "@/components/deployments/rollback-plan";
import { TrafficDiffTable } from "@/components/deployments/traffic-diff-table";
import { OUTCOME_LABELS } from "./rollback-filters";
import { auditLinkFor, metricsLinkAround } from "./timeline";

const OUTCOME_TONES: Record<RollbackEvent["outcome"], BadgeTone> = {
  in_progress: "warning",
  succeeded: "success",
  failed: "danger",
  already_rolled_back: "neutral",
};

/** Newest first; a row opens to its before/after diff and links to the metrics and audit record around it. */
export function RollbackList({ events, canSeeAudit }: { events: RollbackEvent[]; canSeeAudit: boolean }) {
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-[13px]" aria-label="Rollbacks">
        <TableHead columns={["Started", "Endpoint", "Trigger", "By", "Reason", "Outcome", { label: "Details", srOnly: true }]} />
        <tbody className="divide-y divide-line">
          {events.map((e) => {
            const isOpen = openId === e.id;
            return (
              <Fragment key={e.id}>
                <tr className={isOpen ? "bg-surface-muted/60" : undefined}>
                  <td className="tabular whitespace-nowrap px-4 py-2.5 text-muted">{formatDateTime(e.startedAt)}</td>
                  <td className="px-4 py-2.5 font-mono text-[12px]">{e.endpoint}</td>
                  <td className="px-4 py-2.5">
                    <Badge tone={e.trigger === "alarm" ? "warning" : "accent"}>{e.trigger}</Badge>
                    {e.alarm && <span className="ml-1.5 font-mono text-[11px] text-muted">{e.alarm}</span>}
                  </td>
                  <td className="px-4 py-2.5">{e.actor}</td>
                  <td className="max-w-[280px] px-4 py-2.5 text-muted">{e.reason}</td>
                  <td className="px-4 py-2.5">
                    <Badge tone={OUTCOME_TONES[e.outcome]}>{OUTCOME_LABELS[e.outcome]}</Badge>
                  </td>
                  <td className="px-4 py-2.5 text-right">
                    <button
                      type="button"
                      aria-expanded={isOpen}
                      aria-controls={`rollback-${e.id}`}
                      onClick={() => setOpenId(isOpen ? null : e.id)}
                      className="whitespace-nowrap rounded-md px-2 py-1 text-[12px] font-medium text-accent hover:bg-accent-soft"
                    >
                      {isOpen ? "Hide diff" : "Show diff"}
                    </button>
                  </td>
                </tr>
                {isOpen && (
                  <tr id={`rollback-${e.id}`}>
                    <td colSpan={7} className="bg-surface-muted/60 px-4 pb-4">
                      <RollbackDetail event={e} canSeeAudit={canSeeAudit} />
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

function RollbackDetail({ event, canSeeAudit }: { event: RollbackEvent; canSeeAudit: boolean }) {
  const rows = diffStates(event.before, event.after);
  const configBefore = event.before?.endpointConfigName;
  const configAfter = event.after?.endpointConfigName;
  return (
    <div className="space-y-3 pt-1">
      {event.outcome === "failed" && (
        <p role="alert" className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-[13px]">
          <span className="font-semibold text-danger">Failed; nothing was changed.</span> AWS said: {rollbackErrorText(event.error)}
        </p>
      )}
      {rows.length > 0 ? (
        <div className="overflow-hidden rounded-md border border-line bg-surface">
          <TrafficDiffTable rows={rows} label={`Rollback ${event.id} before and after`} />
        </div>
      ) : (
        <p className="text-[13px] text-muted">No traffic change was recorded for this event.</p>
      )}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-[12px]">
        <dt className="text-muted">Endpoint config</dt>
        <dd className="font-mono">
          {configBefore && configAfter && configBefore !== configAfter
            ? `${configBefore} → ${configAfter} (restored)`
            : (configBefore ?? configAfter ?? "—")}
        </dd>
        <dt className="text-muted">Finished</dt>
        <dd>{formatDateTime(event.finishedAt ?? null)}</dd>
        <dt className="text-muted">Rollback id</dt>
        <dd className="font-mono">{event.id}</dd>
      </dl>
      <div className="flex flex-wrap gap-4 text-[13px]">
        <Link href={metricsLinkAround(event.startedAt)} className="font-medium text-accent hover:underline">
          Endpoint metrics ±30 min around it
        </Link>
        {canSeeAudit && (
          <Link href={auditLinkFor(event)} className="font-medium text-accent hover:underline">
            Audit record
          </Link>
        )}
      </div>
    </div>
  );
}
