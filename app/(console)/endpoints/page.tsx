import type { Metadata } from "next";
import { Suspense } from "react";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { requireSession } from "@/lib/http/require-session";
import { AREA_ROLES, canAccess } from "@/lib/auth/roles";
import { metricsViewFromParams } from "@/lib/queries/endpoints";
import { EndpointPanel } from "./endpoint-panel";

export const metadata: Metadata = { title: "Endpoints" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function EndpointsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireSession({ roles: AREA_ROLES.endpoints, callbackUrl: "/endpoints" });
  const view = metricsViewFromParams(await searchParams);
  return (
    <>
      <PageHeader
        title="Endpoints"
        description="Your tenant's SageMaker endpoint: its status, its variants and the model version each serves, how traffic is split, and each variant's live health."
      />
      <Suspense
        fallback={
          <Card>
            <TableSkeleton rows={5} />
          </Card>
        }
      >
        <EndpointPanel tenantId={user.tenantId} view={view} canChange={canAccess(user.role, "endpoints")} />
      </Suspense>
    </>
  );
}
