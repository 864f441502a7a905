import type { Metadata } from "next";
import { Suspense } from "react";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { TrainingJobsCard } from "@/components/training/training-jobs-card";
import { requireSession } from "@/lib/http/require-session";
import { AREA_ROLES } from "@/lib/auth/roles";
import { ErrorBudgetPanel, ModelsPanel } from "./models-panel";

export const metadata: Metadata = { title: "Models" };

export default async function ModelsPage() {
  const user = await requireSession({ roles: AREA_ROLES.models, callbackUrl: "/models" });
  return (
    <>
      <PageHeader
        title="Models"
        description="The promotion screen: each version's held-out evaluation beside production's, its approval, where it runs, and what may be done with it — with the error budget that can freeze promotions."
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
      <div className="mt-6">
        <TrainingJobsCard />
      </div>
      <div className="mt-6">
        <Suspense
          fallback={
            <Card>
              <TableSkeleton rows={5} />
            </Card>
          }
        >
          <ErrorBudgetPanel tenantId={user.tenantId} />
        </Suspense>
      </div>
    </>
  );
}
