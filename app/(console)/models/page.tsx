import type { Metadata } from "next";
import { Suspense } from "react";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { requireSession } from "@/lib/http/require-session";
import { AREA_ROLES } from "@/lib/auth/roles";
import { ModelsPanel } from "./models-panel";

export const metadata: Metadata = { title: "Models" };

export default async function ModelsPage() {
  const user = await requireSession({ roles: AREA_ROLES.models, callbackUrl: "/models" });
  return (
    <>
      <PageHeader
        title="Models"
        description="Versions registered in your tenant's SageMaker model package group: approval status and held-out evaluation."
      />
      <Suspense
        fallback={
          <Card>
            <TableSkeleton rows={6} />
          </Card>
        }
      >
        <ModelsPanel tenantId={user.tenantId} />
      </Suspense>
    </>
  );
}
