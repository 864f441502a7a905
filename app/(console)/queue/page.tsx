import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { ToastProvider } from "@/components/ui/toast";
import { requireSession } from "@/lib/http/require-session";
import { AREA_ROLES } from "@/lib/auth/roles";
import { getQueryClient } from "@/lib/queries/query-client";
import { queueListOptions } from "@/lib/queries/queue";
import { getQueuePage } from "@/lib/queue/get-queue-page";
import { queueFiltersSchema } from "@/lib/queue/queue-filters";
import { QueueClient } from "@/components/queue/queue-client";

export const metadata: Metadata = { title: "Review queue" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function QueuePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireSession({ roles: AREA_ROLES.queue, callbackUrl: "/queue" });
  const raw = Object.fromEntries(Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string"));
  const parsed = queueFiltersSchema.safeParse(raw);
  const queryClient = getQueryClient();
  if (parsed.success) {
    const { cursor: _cursor, ...view } = parsed.data;
    // The first page is read here, in the same request, so the queue paints with rows, not a skeleton.
    await queryClient.prefetchInfiniteQuery({
      ...queueListOptions(view),
      queryFn: () => getQueuePage({ tenantId: user.tenantId, ...view }),
    });
  }
  return (
    <>
      <PageHeader
        title="Review queue"
        description="Transactions the model or the rules sent to review. Open one to see why it was flagged, then decide with one key."
      />
      <ToastProvider>
        <HydrationBoundary state={dehydrate(queryClient)}>
          <Suspense fallback={<TableSkeleton rows={10} />}>
            <QueueClient userId={user.id} />
          </Suspense>
        </HydrationBoundary>
      </ToastProvider>
    </>
  );
}
