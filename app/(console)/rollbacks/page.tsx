import type { Metadata } from "next";
import { RollbacksView } from "@/components/rollbacks/rollbacks-view";
import { DEFAULT_TIMELINE_RANGE, isTimelineRange } from "@/components/rollbacks/timeline";
import { PageHeader } from "@/components/ui/page-header";
import { requireSession } from "@/lib/http/require-session";
import { AREA_ROLES, canAccess } from "@/lib/auth/roles";
import { rollbackSearchFromParams } from "@/lib/queries/rollbacks";

export const metadata: Metadata = { title: "Rollbacks" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RollbacksPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireSession({ roles: AREA_ROLES.rollbacks, callbackUrl: "/rollbacks" });
  const params = await searchParams;
  const search = rollbackSearchFromParams(params);
  const range = isTimelineRange(params.range) ? params.range : DEFAULT_TIMELINE_RANGE;
  return (
    <>
      <PageHeader
        title="Rollbacks"
        description="Every rollback of your endpoint, manual or triggered by a CloudWatch alarm: who or which alarm, why, and what changed."
      />
      <RollbacksView search={search} range={range} canSeeAudit={canAccess(user.role, "audit")} />
    </>
  );
}
