"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { isPending } from "@/lib/queue/queue-item";
import type { QueueRow } from "@/lib/queue/queue-row";
import { AgeCell, DecisionBadge, ExplanationNote, formatMoney, ScoreCell, StatusBadge } from "./queue-cells";

interface QueueTableProps {
  rows: readonly QueueRow[];
  /** False until the page's shortcuts listen (server HTML before hydration): the table is busy and inert. */
  isReady: boolean;
  selectedIndex: number;
  checked: ReadonlySet<string>;
  now: number | null;
  currentUser: string;
  hrefOf: (txnId: string) => string;
  onSelect: (index: number) => void;
  onToggle: (txnId: string) => void;
  onToggleAll: () => void;
}

const HEAD = "px-2 py-2 text-left text-[11px] font-medium uppercase tracking-wider text-subtle";

/** The queue as a dense table; selection is highlighted and kept in view as j/k move it. */
export function QueueTable({
  rows,
  isReady,
  selectedIndex,
  checked,
  now,
  currentUser,
  hrefOf,
  onSelect,
  onToggle,
  onToggleAll,
}: QueueTableProps) {
  const selectedRef = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: "nearest" });
  }, [selectedIndex]);
  const allChecked = rows.length > 0 && rows.every((r) => checked.has(r.txnId));
  return (
    <table
      className={`w-full table-fixed border-collapse text-[13px] ${isReady ? "" : "cursor-progress"}`}
      aria-label="Review queue"
      aria-busy={!isReady}
      inert={!isReady}
    >
      <colgroup>
        <col className="w-9" />
        <col className="w-24" />
        <col className="w-24" />
        <col className="w-32" />
        <col />
        <col className="w-16" />
        <col className="w-24" />
        <col className="w-40" />
      </colgroup>
      <thead className="sticky top-0 z-10 border-b border-line bg-surface">
        <tr>
          <th className={HEAD}>
            <input
              type="checkbox"
              aria-label="Select all on screen"
              checked={allChecked}
              onChange={onToggleAll}
              className="accent-[var(--accent)]"
            />
          </th>
          <th className={HEAD}>Score</th>
          <th className={HEAD}>Decision</th>
          <th className={`${HEAD} text-right`}>Amount</th>
          <th className={HEAD}>Top reason</th>
          <th className={HEAD}>Model</th>
          <th className={HEAD}>Age</th>
          <th className={HEAD}>Assignee</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => {
          const isSelected = index === selectedIndex;
          return (
            <tr
              key={row.txnId}
              ref={isSelected ? selectedRef : undefined}
              aria-selected={isSelected}
              data-txn-id={row.txnId}
              onClick={() => onSelect(index)}
              className={`h-10 cursor-pointer border-b border-line last:border-b-0 ${isSelected ? "bg-accent-soft shadow-[inset_3px_0_0_var(--accent)]" : "hover:bg-surface-muted"}`}
            >
              <td className="px-2" onClick={(e) => e.stopPropagation()}>
                <input
                  type="checkbox"
                  aria-label={`Select ${row.txnId}`}
                  checked={checked.has(row.txnId)}
                  onChange={() => onToggle(row.txnId)}
                  className="accent-[var(--accent)]"
                />
              </td>
              <td className="px-2">
                <ScoreCell score={row.score} />
              </td>
              <td className="px-2">
                {isPending(row.status) ? <DecisionBadge decision={row.decision} /> : <StatusBadge status={row.status} />}
              </td>
              <td className="truncate px-2 text-right font-mono text-[12px] tabular-nums">{formatMoney(row.amount, row.currency)}</td>
              <td className="truncate px-2">
                <Link href={hrefOf(row.txnId)} className="mr-2 font-mono text-[12px] text-foreground hover:underline" tabIndex={-1}>
                  {row.txnId}
                </Link>
                <span className="text-muted">
                  {row.topReason ? (
                    row.topReason.description
                  ) : row.explanation === "pending" || row.explanation === "failed" ? (
                    <ExplanationNote status={row.explanation} />
                  ) : row.ruleHitCount > 0 ? (
                    `${row.ruleHitCount} rule hit${row.ruleHitCount > 1 ? "s" : ""}`
                  ) : row.degraded ? (
                    "model unavailable"
                  ) : (
                    "—"
                  )}
                </span>
              </td>
              <td className="px-2 font-mono text-[12px] text-muted">{row.model?.version ? `v${row.model.version}` : "—"}</td>
              <td className="px-2">
                <AgeCell decision={row.decision} createdAt={row.createdAt} now={now} isPending={isPending(row.status)} />
              </td>
              <td className="truncate px-2 text-[12px]">
                {row.claim ? (
                  <span
                    className={row.claim.by === currentUser ? "text-accent" : "text-warning"}
                    title={`Claimed until ${row.claim.expiresAt}`}
                  >
                    {row.claim.by === currentUser ? "You" : row.claim.name}
                  </span>
                ) : row.verdict ? (
                  <span className="text-muted">{row.verdict.byName}</span>
                ) : (
                  <span className="text-subtle">Unassigned</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
