import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireSession } from "@/lib/http/require-session";
import { AREA_ROLES } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Dashboards" };

export default async function DashboardsPage() {
  await requireSession({ roles: AREA_ROLES.dashboards, callbackUrl: "/dashboards" });
  return (
    <>
      <PageHeader title="Dashboards" description="Traffic, decisions, latency and error budget of your scoring endpoint." />
      <EmptyState
        title="No metrics to chart yet"
        description="Charts appear once the scoring API is serving traffic and CloudWatch holds its metrics."
        upcoming={[
          "Invocations and decisions per minute",
          "Model latency p50 / p95 / p99 per variant",
          "4xx / 5xx errors and degraded responses",
          "Error budget burn for the month",
        ]}
      />
    </>
  );
}
