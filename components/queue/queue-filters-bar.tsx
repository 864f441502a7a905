"use client";

import type { QueueCounts } from "@/lib/queue/queue-counts";
import type { QueueFilters } from "@/lib/queue/queue-filters";
import { QUEUE_STATUSES, STATUS_LABELS, type QueueStatus } from "@/lib/queue/queue-item";
import type { RefObject } from "react";

type Editable = Omit<QueueFilters, "cursor" | "limit">;

interface FiltersBarProps {
  view: Editable;
  counts: QueueCounts | null;
  searchRef: RefObject<HTMLInputElement | null>;
  onChange: (patch: Partial<Editable>) => void;
}

const FIELD = "h-8 rounded-md border border-line bg-surface px-2 text-[12px] text-foreground focus:border-accent focus:outline-none";
const countFormat = new Intl.NumberFormat("en-US");

/** Status tabs with counts, then the filters; text fields apply on Enter or when leaving them. */
export function QueueFiltersBar({ view, counts, searchRef, onChange }: FiltersBarProps) {
  const apply = (name: keyof Editable) => (event: { currentTarget: HTMLInputElement }) => {
    const value = event.currentTarget.value.trim();
    if ((view[name] ?? "") === value) return;
    onChange({ [name]: value === "" ? undefined : name === "minAmount" || name === "maxAmount" ? Number(value) : value });
  };
  const onEnter = (name: keyof Editable) => (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") apply(name)(event);
  };
  return (
    <div className="space-y-3">
      <div role="tablist" aria-label="Status" className="flex gap-1 border-b border-line">
        {QUEUE_STATUSES.map((status: QueueStatus) => {
          const isActive = view.status === status && !view.q;
          return (
            <button
              key={status}
              role="tab"
              type="button"
              aria-selected={isActive}
              onClick={() => onChange({ status, q: undefined })}
              className={`-mb-px flex items-center gap-2 border-b-2 px-3 py-2 text-[13px] ${isActive ? "border-accent font-medium text-foreground" : "border-transparent text-muted hover:text-foreground"}`}
            >
              {STATUS_LABELS[status]}
              <span
                className={`min-w-7 rounded-full px-1.5 text-center text-[11px] tabular-nums ${isActive ? "bg-accent-soft text-accent" : "bg-surface-muted text-muted"}`}
              >
                {counts ? countFormat.format(counts[status]) : "·"}
              </span>
            </button>
          );
        })}
      </div>
      <div className="flex flex-wrap items-center gap-2" role="search">
        <input
          ref={searchRef}
          key={`q-${view.q ?? ""}`}
          type="search"
          aria-label="Search by txn id"
          placeholder="txn id  ( / )"
          defaultValue={view.q ?? ""}
          onBlur={apply("q")}
          onKeyDown={onEnter("q")}
          className={`${FIELD} w-44 font-mono`}
        />
        <select
          aria-label="Sort"
          value={view.sort}
          onChange={(e) => onChange({ sort: e.target.value as Editable["sort"] })}
          className={FIELD}
        >
          <option value="score">Highest score</option>
          <option value="oldest">Oldest first</option>
          <option value="newest">Newest first</option>
        </select>
        <select
          aria-label="Decision"
          value={view.decision ?? ""}
          onChange={(e) => onChange({ decision: (e.target.value || undefined) as Editable["decision"] })}
          className={FIELD}
        >
          <option value="">Any decision</option>
          <option value="SUSPICIOUS">Suspicious</option>
          <option value="REVIEW">Review</option>
        </select>
        <span className="flex items-center gap-1">
          <input
            key={`min-${view.minAmount ?? ""}`}
            aria-label="Minimum amount"
            placeholder="Min amount"
            inputMode="decimal"
            defaultValue={view.minAmount ?? ""}
            onBlur={apply("minAmount")}
            onKeyDown={onEnter("minAmount")}
            className={`${FIELD} w-24`}
          />
          <span className="text-subtle">–</span>
          <input
            key={`max-${view.maxAmount ?? ""}`}
            aria-label="Maximum amount"
            placeholder="Max amount"
            inputMode="decimal"
            defaultValue={view.maxAmount ?? ""}
            onBlur={apply("maxAmount")}
            onKeyDown={onEnter("maxAmount")}
            className={`${FIELD} w-24`}
          />
        </span>
        <input
          key={`mv-${view.modelVersion ?? ""}`}
          aria-label="Model version"
          placeholder="Model v"
          defaultValue={view.modelVersion ?? ""}
          onBlur={apply("modelVersion")}
          onKeyDown={onEnter("modelVersion")}
          className={`${FIELD} w-20`}
        />
        <span className="flex items-center gap-1">
          <input
            type="date"
            aria-label="Created from"
            value={view.from?.slice(0, 10) ?? ""}
            onChange={(e) => onChange({ from: e.target.value || undefined })}
            className={FIELD}
          />
          <span className="text-subtle">–</span>
          <input
            type="date"
            aria-label="Created to"
            value={view.to?.slice(0, 10) ?? ""}
            onChange={(e) => onChange({ to: e.target.value || undefined })}
            className={FIELD}
          />
        </span>
        {hasFilters(view) && (
          <button
            type="button"
            onClick={() =>
              onChange({
                decision: undefined,
                minAmount: undefined,
                maxAmount: undefined,
                modelVersion: undefined,
                from: undefined,
                to: undefined,
                q: undefined,
              })
            }
            className="h-8 px-2 text-[12px] text-accent hover:underline"
          >
            Clear filters
          </button>
        )}
      </div>
    </div>
  );
}

function hasFilters(view: Editable): boolean {
  return Boolean(
    view.decision || view.minAmount !== undefined || view.maxAmount !== undefined || view.modelVersion || view.from || view.to || view.q,
  );
}
