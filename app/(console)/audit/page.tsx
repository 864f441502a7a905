import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { AuditLog } from "@/components/audit/audit-log";
import { PageHeader } from "@/components/ui/page-header";
import { auditFiltersSchema } from "@/lib/audit/audit-entry";
import { listAudit } from "@/lib/audit/list-audit";
import { requireSession } from "@/lib/http/require-session";
import { AREA_ROLES } from "@/lib/auth/roles";
import { auditApiQuery, auditQueryOptions, auditSearchFromParams } from "@/lib/queries/audit";
import { getQueryClient } from "@/lib/queries/query-client";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireSession({ roles: AREA_ROLES.audit, callbackUrl: "/audit" });
  const search = auditSearchFromParams(await searchParams);
  const queryClient = getQueryClient();
  // The first page is read here with the same filters the API route parses, under the client's key.
  const filters = auditFiltersSchema.parse(Object.fromEntries(auditApiQuery(search, null)));
  await queryClient.prefetchInfiniteQuery({
    ...auditQueryOptions(search),
    queryFn: () => listAudit({ tenantId: user.tenantId, ...filters }),
  });
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every recorded action in this tenant: who did what to which object, the values before and after, when, and why."
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <AuditLog search={search} />
      </HydrationBoundary>
    </>
  );
}
