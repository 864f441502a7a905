import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireSession } from "@/lib/http/require-session";
import { AREA_ROLES } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Rollbacks" };

export default async function RollbacksPage() {
  await requireSession({ roles: AREA_ROLES.rollbacks, callbackUrl: "/rollbacks" });
  return (
    <>
      <PageHeader title="Rollbacks" description="Every rollback of your endpoint: who or which alarm triggered it, and what changed." />
      <EmptyState
        title="No rollbacks recorded"
        description="Manual rollbacks and those triggered automatically by a CloudWatch alarm will appear here with their before and after traffic split."
        upcoming={[
          "Time, trigger (user or alarm) and reason",
          "Variant weights before and after",
          "The model versions involved",
          "A link to the matching audit record",
        ]}
      />
    </>
  );
}
