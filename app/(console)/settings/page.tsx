import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireSession } from "@/lib/auth/require-session";
import { AREA_ROLES } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requireSession({ roles: AREA_ROLES.settings, callbackUrl: "/settings" });
  return (
    <>
      <PageHeader title="Settings" description="Tenant thresholds, rules, users and API keys." />
      <EmptyState
        title="Settings are not editable yet"
        description="Administrators will manage how this tenant scores and who may use the console."
        upcoming={["Decision thresholds for REVIEW and SUSPICIOUS", "Rules: amount limits and block lists", "Users and their roles", "API keys for payment applications"]}
      />
    </>
  );
}
