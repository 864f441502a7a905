import type { Metadata } from "next";
import { Suspense } from "react";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { requireSession } from "@/lib/http/require-session";
import { AREA_ROLES } from "@/lib/auth/roles";
import { ApiKeysPanel, NotificationsPanel, ScoringSettingsPanel, UsersPanel } from "./settings-panels";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireSession({ roles: AREA_ROLES.settings, callbackUrl: "/settings" });
  return (
    <>
      <PageHeader
        title="Settings"
        description="How this tenant's transactions are scored, the API keys payment applications use, and who may sign in. Every change is recorded in the audit log."
      />
      <div className="space-y-6">
        <Suspense
          fallback={
            <Card>
              <TableSkeleton rows={8} />
            </Card>
          }
        >
          <ScoringSettingsPanel tenantId={user.tenantId} />
        </Suspense>
        <Suspense
          fallback={
            <Card>
              <TableSkeleton rows={3} />
            </Card>
          }
        >
          <ApiKeysPanel tenantId={user.tenantId} />
        </Suspense>
        <Suspense
          fallback={
            <Card>
              <TableSkeleton rows={3} />
            </Card>
          }
        >
          <UsersPanel tenantId={user.tenantId} currentUserId={user.id} />
        </Suspense>
        <Suspense
          fallback={
            <Card>
              <TableSkeleton rows={2} />
            </Card>
          }
        >
          <NotificationsPanel tenantId={user.tenantId} />
        </Suspense>
      </div>
    </>
  );
}
