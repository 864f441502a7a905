import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireSession } from "@/lib/auth/require-session";
import { AREA_ROLES } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Review queue" };

export default async function QueuePage() {
  await requireSession({ roles: AREA_ROLES.queue, callbackUrl: "/queue" });
  return (
    <>
      <PageHeader title="Review queue" description="Transactions the model sent to review, oldest first, with the reasons it flagged them." />
      <EmptyState
        title="No transactions to review yet"
        description="When the scoring API decides REVIEW or SUSPICIOUS, the transaction lands here for an analyst to confirm or clear."
        upcoming={[
          "Flagged transactions with score, amount and merchant",
          "Why the model flagged each: SHAP attributions and rule hits",
          "Verdicts: confirmed fraud, false positive, escalate",
          "Keyboard shortcuts to move through the queue",
        ]}
      />
    </>
  );
}
