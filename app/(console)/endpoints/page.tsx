import type { Metadata } from "next";
import { Suspense } from "react";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { requireSession } from "@/lib/http/require-session";
import { AREA_ROLES } from "@/lib/auth/roles";
import { EndpointPanel } from "./endpoint-panel";

export const metadata: Metadata = { title: "Endpoints" };

export default async function EndpointsPage() {
  const user = await requireSession({ roles: AREA_ROLES.endpoints, callbackUrl: "/endpoints" });
  return (
    <>
      <PageHeader
        title="Endpoints"
        description="Your tenant's SageMaker endpoint: its status, production and canary variants, and how traffic is split between them."
      />
      <Suspense
        fallback={
          <Card>
            <TableSkeleton rows={5} />
          </Card>
        }
      >
        <EndpointPanel tenantId={user.tenantId} />
      </Suspense>
    </>
  );
}
