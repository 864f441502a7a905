"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { Card } from "@/components/ui/card";
import { ErrorCallout } from "@/components/ui/callout";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Button } from "@/components/settings/controls";
import { auditQueryOptions, auditSearchToParams, type AuditSearch } from "@/lib/queries/audit";
import { AuditFilters } from "./audit-filters";
import { AuditTable } from "./audit-table";

/**
 * The audit log with its filters in the URL (shareable, back button works) and older entries
 * loaded page by page with the API's cursor. The server prefetched the first page for `search`.
 */
export function AuditLog({ search }: { search: AuditSearch }) {
  const router = useRouter();
  const pathname = usePathname();
  const query = useInfiniteQuery(auditQueryOptions(search));
  const entries = query.data?.pages.flatMap((p) => p.entries) ?? [];

  function apply(next: AuditSearch) {
    const params = auditSearchToParams(next).toString();
    router.replace(params ? `${pathname}?${params}` : pathname, { scroll: false });
  }

  return (
    <Card>
      {/* Keyed by the URL's filters so the form shows them after back/forward navigation. */}
      <AuditFilters key={auditSearchToParams(search).toString()} search={search} onApply={apply} />
      {query.isError && !query.data ? (
        <div className="p-4">
          <ErrorCallout title="Audit log unavailable">{query.error.message}</ErrorCallout>
        </div>
      ) : !query.data ? (
        <TableSkeleton rows={6} />
      ) : entries.length === 0 && !query.hasNextPage ? (
        <p className="px-4 py-10 text-center text-[13px] text-muted">No recorded actions match these filters.</p>
      ) : (
        <div className={query.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}>
          <AuditTable entries={entries} />
          <div className="flex items-center justify-between border-t border-line px-4 py-3 text-[12px] text-muted">
            <span role="status">
              {entries.length} {entries.length === 1 ? "action" : "actions"} shown, newest first
            </span>
            {query.hasNextPage && (
              <Button onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
                {query.isFetchingNextPage ? "Loading…" : "Load older"}
              </Button>
            )}
          </div>
        </div>
      )}
    </Card>
  );
}
