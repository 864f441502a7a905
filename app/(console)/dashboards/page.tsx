import type { Metadata } from "next";
import { DashboardsClient } from "@/components/dashboards/dashboards-client";
import { PageHeader } from "@/components/ui/page-header";
import { AREA_ROLES } from "@/lib/auth/roles";
import { panelsFor, TEAM_PANELS } from "@/lib/dashboards/get-dashboard";
import { requireSession } from "@/lib/http/require-session";
import { dashboardSearchFromParams } from "@/lib/queries/dashboards";

export const metadata: Metadata = { title: "Dashboards" };

export default async function DashboardsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSession({ roles: AREA_ROLES.dashboards, callbackUrl: "/dashboards" });
  const panels = panelsFor(user.role);
  const team = panels.every((p) => TEAM_PANELS.includes(p));
  return (
    <>
      <PageHeader
        title={team ? "Dashboards: Team view" : "Dashboards"}
        description={
          team
            ? "The review queue and the team's verdicts."
            : "Traffic and decisions, endpoint variants, the review queue and analysts, model quality from verdicts and business impact — live from CloudWatch and the queue."
        }
      />
      <DashboardsClient search={dashboardSearchFromParams(await searchParams)} panels={panels} />
    </>
  );
}
