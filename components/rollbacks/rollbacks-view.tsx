"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { Button } from "@/components/settings/controls";
import { ErrorCallout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";
import { TableSkeleton } from "@/components/ui/skeleton";
import { rollbackSearchToParams, rollbacksQueryOptions, type RollbackSearch } from "@/lib/queries/rollbacks";
import { RollbackFilters } from "./rollback-filters";
import { RollbackList } from "./rollback-list";
import { RollbackTimelineChart } from "./rollback-timeline-chart";
import { DEFAULT_TIMELINE_RANGE, rangeStartMs, TIMELINE_RANGES, timelineDays, type TimelineRange } from "./timeline";

/** Pages the timeline may load by itself to cover its range (each page is the API's default size). */
const MAX_AUTO_PAGES = 10;

/**
 * The tenant's rollback history, newest first, filtered by endpoint, trigger and outcome (all in the
 * URL), with a per-day timeline of the chosen range. Older events load page by page.
 */
export function RollbacksView({ search, range, canSeeAudit }: { search: RollbackSearch; range: TimelineRange; canSeeAudit: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const query = useInfiniteQuery(rollbacksQueryOptions(search));
  const events = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  // The clock is read once per mount: the timeline's "today" must not change between renders.
  const [nowMs] = useState(() => Date.now());
  const start = rangeStartMs(range, nowMs);
  const oldest = events.at(-1);
  const needsMore = Boolean(oldest && Date.parse(oldest.startedAt) >= start);
  const pages = query.data?.pages.length ?? 0;
  useEffect(() => {
    if (needsMore && query.hasNextPage && !query.isFetchingNextPage && pages < MAX_AUTO_PAGES) void query.fetchNextPage();
  }, [needsMore, query, pages]);
  const days = useMemo(() => timelineDays(events, range, nowMs), [events, range, nowMs]);
  const inRange = days.reduce((n, d) => n + d.alarm + d.manual, 0);

  function apply(next: RollbackSearch, nextRange: TimelineRange) {
    const params = rollbackSearchToParams(next);
    if (nextRange !== DEFAULT_TIMELINE_RANGE) params.set("range", nextRange);
    const text = params.toString();
    router.replace(text ? `${pathname}?${text}` : pathname, { scroll: false });
  }

  const hasFilters = Boolean(search.endpoint || search.trigger || search.outcome);
  return (
    <Card>
      <RollbackFilters key={`${rollbackSearchToParams(search).toString()}|${range}`} search={search} range={range} onApply={apply} />
      {query.isError && !query.data ? (
        <div className="p-4">
          <ErrorCallout title="Rollback history unavailable">{query.error.message}</ErrorCallout>
        </div>
      ) : !query.data ? (
        <TableSkeleton rows={6} />
      ) : events.length === 0 && !query.hasNextPage ? (
        <div className="px-4 py-12 text-center">
          <p className="text-[14px] font-semibold">{hasFilters ? "No rollbacks match these filters" : "No rollbacks yet"}</p>
          <p className="mx-auto mt-1 max-w-md text-[13px] text-muted">
            {hasFilters
              ? "Clear the filters to see every rollback of this tenant."
              : "This tenant's endpoint has never been rolled back. A manual rollback from the Endpoints page, or one triggered by a canary alarm, is recorded here with its before and after traffic."}
          </p>
        </div>
      ) : (
        <div className={query.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}>
          <div className="border-b border-line px-4 py-3">
            <p className="text-[12px] text-muted">
              {inRange} {inRange === 1 ? "rollback" : "rollbacks"} in the last {TIMELINE_RANGES[range]} days
              {query.hasNextPage && needsMore ? " (older pages not loaded)" : ""}
            </p>
            <RollbackTimelineChart
              days={days}
              label={`Rollbacks per day over the last ${TIMELINE_RANGES[range]} days: ${inRange} in all`}
            />
          </div>
          <RollbackList events={events} canSeeAudit={canSeeAudit} />
          <div className="flex items-center justify-between border-t border-line px-4 py-3 text-[12px] text-muted">
            <span role="status">
              {events.length} {events.length === 1 ? "rollback" : "rollbacks"} shown, newest first
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
