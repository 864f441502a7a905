import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireSession } from "@/lib/http/require-session";
import { AREA_ROLES } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Drift" };

export default async function DriftPage() {
  await requireSession({ roles: AREA_ROLES.drift, callbackUrl: "/drift" });
  return (
    <>
      <PageHeader title="Drift" description="How today's transactions differ from the data the model was trained on." />
      <EmptyState
        title="No drift report yet"
        description="The drift job compares captured endpoint traffic with the training baseline on a schedule; its reports will be listed here."
        upcoming={[
          "Population stability index per feature",
          "Score distribution against the baseline",
          "Features past their alert threshold",
          "History of drift job runs",
        ]}
      />
    </>
  );
}
