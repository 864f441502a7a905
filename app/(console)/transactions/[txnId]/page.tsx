import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ToastProvider } from "@/components/ui/toast";
import { isAppError } from "@/lib/errors/app-error";
import { requireSession } from "@/lib/http/require-session";
import { AREA_ROLES } from "@/lib/auth/roles";
import { getQueryClient } from "@/lib/queries/query-client";
import { transactionOptions } from "@/lib/queries/queue";
import { getTransactionDetail } from "@/lib/queue/get-transaction-detail";
import { redriveExplanation } from "@/lib/scoring/explain/redrive-explanations";
import { TransactionClient } from "@/components/queue/transaction-client";

export const metadata: Metadata = { title: "Transaction" };

type Props = { params: Promise<{ txnId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TransactionPage({ params, searchParams }: Props) {
  const { txnId: raw } = await params;
  const txnId = decodeURIComponent(raw);
  const user = await requireSession({ roles: AREA_ROLES.queue, callbackUrl: `/transactions/${raw}` });
  const detail = await getTransactionDetail(
    { tenantId: user.tenantId, txnId },
    { onStaleExplanation: (item) => redriveExplanation({ item }) },
  ).catch((error: unknown) => {
    // Another tenant's txn_id is simply not found: the same 404 as one that never existed.
    if (isAppError(error) && (error.code === "not_found" || error.code === "bad_request")) notFound();
    throw error;
  });
  const queryClient = getQueryClient();
  queryClient.setQueryData(transactionOptions(txnId).queryKey, detail);
  const back = (await searchParams).back;
  // Only a query string for /queue is accepted: `back` is never used as a URL of its own.
  const backHref = typeof back === "string" && /^[\w%=&.:+-]*$/.test(back) && back ? `/queue?${back}` : "/queue";
  return (
    <ToastProvider>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <TransactionClient txnId={txnId} backHref={backHref} />
      </HydrationBoundary>
    </ToastProvider>
  );
}
