import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireSession } from "@/lib/auth/require-session";
import { AREA_ROLES } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  await requireSession({ roles: AREA_ROLES.audit, callbackUrl: "/audit" });
  return (
    <>
      <PageHeader title="Audit log" description="Who did what in this tenant, with before and after values." />
      <EmptyState
        title="No audited actions yet"
        description="Every verdict, weight change, promotion, rollback and settings change writes an audit record that will be listed here."
        upcoming={["Actor, time and action", "Before and after values", "The reason given", "Filters by actor and action"]}
      />
    </>
  );
}
