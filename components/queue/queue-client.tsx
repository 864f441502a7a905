"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { QueueFiltersBar } from "@/components/queue/queue-filters-bar";
import { QueueTable } from "@/components/queue/queue-table";
import { ShortcutSheet } from "@/components/queue/shortcut-sheet";
import { useNow } from "@/components/queue/use-now";
import { useShortcuts } from "@/components/queue/use-shortcuts";
import { ErrorCallout } from "@/components/ui/callout";
import { TableSkeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import type { BulkVerdictResult } from "@/lib/feedback/record-verdicts";
import { isApiError } from "@/lib/queries/api-error";
import { postBulkVerdict, queueKeys, queueListOptions, type QueueView } from "@/lib/queries/queue";
import { queueFiltersSchema, queueFiltersToParams } from "@/lib/queue/queue-filters";
import { isPending, STATUS_LABELS, VERDICT_LABELS, type Verdict } from "@/lib/queue/queue-item";

/** Where j/k left off, kept across visits to a detail page (client navigation keeps the module). */
const lastPlace = { key: "", index: 0 };

export function QueueClient({ userId }: { userId: string }) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const view = useMemo(() => parseView(searchParams), [searchParams]);
  const viewKey = queueFiltersToParams(view).toString();
  const query = useInfiniteQuery(queueListOptions(view));
  const now = useNow();
  const searchRef = useRef<HTMLInputElement>(null);
  const [selected, setSelected] = useState<{ txnId: string | null; index: number }>(() => ({
    txnId: null,
    index: lastPlace.key === viewKey ? lastPlace.index : 0,
  }));
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const [isSheetOpen, setSheetOpen] = useState(false);

  const rows = useMemo(() => (query.data?.pages ?? []).flatMap((p) => p.items).filter((r) => !removed.has(r.txnId)), [query.data, removed]);
  const counts = query.data?.pages[0]?.counts ?? null;
  // The selection follows its txn_id through refreshes; if that item left, the same position is kept.
  // A selection by position alone (a new view, the first paint) is pinned to the row it shows, so a
  // live refresh that inserts rows above never moves it to another transaction under the analyst.
  const shown = selected.txnId === null ? rows[Math.min(selected.index, rows.length - 1)] : undefined;
  if (shown && !query.isPlaceholderData) setSelected({ txnId: shown.txnId, index: selected.index });
  const found = selected.txnId ? rows.findIndex((r) => r.txnId === selected.txnId) : -1;
  const selectedIndex = found >= 0 ? found : Math.min(selected.index, Math.max(0, rows.length - 1));
  useEffect(() => {
    lastPlace.key = viewKey;
    lastPlace.index = selectedIndex;
  }, [viewKey, selectedIndex]);

  const setView = useCallback(
    (patch: Partial<QueueView>) => {
      const params = queueFiltersToParams({ ...view, ...patch });
      // The native history API updates useSearchParams without a server round trip.
      window.history.replaceState(null, "", params.size ? `?${params.toString()}` : window.location.pathname);
      setSelected({ txnId: null, index: 0 });
      setChecked(new Set());
    },
    [view],
  );
  const select = (index: number) => setSelected({ txnId: rows[index]?.txnId ?? null, index });
  const hrefOf = useCallback(
    (txnId: string) => `/transactions/${encodeURIComponent(txnId)}${viewKey ? `?back=${encodeURIComponent(viewKey)}` : ""}`,
    [viewKey],
  );

  const verdicts = useMutation({
    mutationFn: (input: { verdict: Verdict; txnIds: string[] }) =>
      postBulkVerdict({
        verdict: input.verdict,
        items: input.txnIds.map((txnId) => ({ txnId, version: rows.find((r) => r.txnId === txnId)?.version ?? 1 })),
      }),
    onSuccess: ({ results }, input) => {
      const done = results.filter((r) => r.outcome === "applied" || r.outcome === "unchanged").map((r) => r.txnId);
      setRemoved((prev) => new Set([...prev, ...done]));
      setChecked(new Set());
      reportBulk(toast.show, input.verdict, results);
      void queryClient.invalidateQueries({ queryKey: queueKeys.all });
    },
    onError: (error) => toast.show("error", isApiError(error) ? error.message : "The verdict could not be recorded"),
  });

  const decide = (verdict: Verdict) => {
    const current = rows[selectedIndex];
    const txnIds = checked.size > 0 ? [...checked] : current && isPending(current.status) ? [current.txnId] : [];
    if (txnIds.length === 0 || verdicts.isPending) return;
    verdicts.mutate({ verdict, txnIds });
  };

  const isListening = useShortcuts({
    j: () => {
      if (selectedIndex >= rows.length - 1 && query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
      select(Math.min(rows.length - 1, selectedIndex + 1));
    },
    k: () => select(Math.max(0, selectedIndex - 1)),
    Enter: () => {
      const row = rows[selectedIndex];
      if (row) router.push(hrefOf(row.txnId));
    },
    x: () => {
      const row = rows[selectedIndex];
      if (row) setChecked((prev) => toggle(prev, row.txnId));
    },
    f: () => decide("fraud"),
    l: () => decide("legit"),
    e: () => decide("escalate"),
    "/": () => searchRef.current?.focus(),
    "?": () => setSheetOpen((open) => !open),
  });

  return (
    <div className="space-y-3">
      <QueueFiltersBar view={view} counts={counts} searchRef={searchRef} onChange={setView} />
      <div className="flex h-8 items-center justify-between text-[12px] text-muted">
        {checked.size > 0 ? (
          <BulkBar count={checked.size} isBusy={verdicts.isPending} onDecide={decide} onClear={() => setChecked(new Set())} />
        ) : (
          <span>
            {view.q ? `Search: ${view.q}` : `${STATUS_LABELS[view.status]}`} · {rows.length}
            {query.hasNextPage ? "+" : ""} shown · <kbd className="font-mono">j</kbd>/<kbd className="font-mono">k</kbd> move,{" "}
            <kbd className="font-mono">Enter</kbd> open, <kbd className="font-mono">?</kbd> shortcuts
          </span>
        )}
        <span aria-live="polite" className="tabular-nums">
          {query.isFetching
            ? "Refreshing…"
            : now && query.dataUpdatedAt
              ? `Updated ${Math.max(0, Math.round((now - query.dataUpdatedAt) / 1000))}s ago`
              : ""}
        </span>
      </div>
      <section className="overflow-hidden rounded-lg border border-line bg-surface">
        {query.isError && !query.data ? (
          <div className="p-4">
            <ErrorCallout title="The queue could not be loaded">{query.error.message}</ErrorCallout>
          </div>
        ) : !query.data ? (
          <TableSkeleton rows={10} />
        ) : rows.length === 0 ? (
          <EmptyQueue isFiltered={viewKey !== "" && viewKey !== `status=${view.status}`} status={view.status} />
        ) : (
          <div className={query.isPlaceholderData ? "opacity-60 transition-opacity" : ""}>
            <QueueTable
              rows={rows}
              isReady={isListening}
              selectedIndex={selectedIndex}
              checked={checked}
              now={now}
              currentUser={userId}
              hrefOf={hrefOf}
              onSelect={select}
              onToggle={(txnId) => setChecked((prev) => toggle(prev, txnId))}
              onToggleAll={() =>
                setChecked((prev) => (rows.every((r) => prev.has(r.txnId)) ? new Set() : new Set(rows.map((r) => r.txnId))))
              }
            />
          </div>
        )}
        {query.hasNextPage && (
          <div className="border-t border-line p-2 text-center">
            <button
              type="button"
              onClick={() => void query.fetchNextPage()}
              disabled={query.isFetchingNextPage}
              className="rounded-md px-3 py-1 text-[12px] text-accent hover:bg-accent-soft disabled:text-subtle"
            >
              {query.isFetchingNextPage ? "Loading…" : "Load more"}
            </button>
          </div>
        )}
      </section>
      <ShortcutSheet open={isSheetOpen} onClose={() => setSheetOpen(false)} />
    </div>
  );
}

function BulkBar({
  count,
  isBusy,
  onDecide,
  onClear,
}: {
  count: number;
  isBusy: boolean;
  onDecide: (v: Verdict) => void;
  onClear: () => void;
}) {
  return (
    <span className="flex items-center gap-2">
      <span className="font-medium text-foreground">{count} selected</span>
      {(["fraud", "legit", "escalate"] as const).map((v) => (
        <button
          key={v}
          type="button"
          disabled={isBusy}
          onClick={() => onDecide(v)}
          className="rounded-md border border-line bg-surface px-2 py-1 text-foreground hover:bg-surface-muted disabled:opacity-50"
        >
          {VERDICT_LABELS[v]} <kbd className="ml-1 font-mono text-subtle">{v[0]}</kbd>
        </button>
      ))}
      <button type="button" onClick={onClear} className="px-1 text-accent hover:underline">
        Clear
      </button>
    </span>
  );
}

function EmptyQueue({ isFiltered, status }: { isFiltered: boolean; status: QueueView["status"] }) {
  return (
    <div className="px-6 py-14 text-center">
      <p className="text-[14px] font-semibold">
        {isFiltered
          ? "Nothing matches these filters"
          : status === "open"
            ? "Queue clear"
            : `No ${STATUS_LABELS[status].toLowerCase()} transactions`}
      </p>
      <p className="mt-1 text-[13px] text-muted">
        {isFiltered ? "Clear or widen the filters to see more." : "New REVIEW and SUSPICIOUS decisions appear here within seconds."}
      </p>
    </div>
  );
}

function reportBulk(show: (tone: "success" | "error" | "info", message: string) => void, verdict: Verdict, results: BulkVerdictResult[]) {
  const done = results.filter((r) => r.outcome === "applied" || r.outcome === "unchanged").length;
  const refused = results.filter((r) => r.outcome === "conflict" || r.outcome === "not_found");
  if (done > 0) show("success", `${VERDICT_LABELS[verdict]}: ${done} transaction${done > 1 ? "s" : ""} recorded`);
  if (refused.length === 1) show("error", `${refused[0]?.txnId}: ${refused[0]?.message ?? "not recorded"}`);
  else if (refused.length > 1) show("error", `${refused.length} not recorded (decided or claimed by colleagues); the list is refreshed`);
}

function toggle(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
}

function parseView(params: URLSearchParams): QueueView {
  const parsed = queueFiltersSchema.safeParse(Object.fromEntries(params));
  const { cursor: _cursor, ...view } = parsed.success ? parsed.data : queueFiltersSchema.parse({});
  return view;
}
