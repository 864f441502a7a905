import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireSession } from "@/lib/http/require-session";
import { AREA_ROLES, canAccess } from "@/lib/auth/roles";
import { getGlobalExplanations } from "@/lib/explanations/get-global-explanations";
import { getQueryClient } from "@/lib/queries/query-client";
import { explanationsOptions } from "@/lib/queries/queue";
import { ExplanationsClient } from "@/components/explanations/explanations-client";

export const metadata: Metadata = { title: "Explanations" };

const DEFAULT_DAYS = 7;

export default async function ExplanationsPage() {
  const user = await requireSession({ roles: AREA_ROLES.queue, callbackUrl: "/explanations" });
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery({
    ...explanationsOptions(DEFAULT_DAYS),
    queryFn: () => getGlobalExplanations({ tenantId: user.tenantId, days: DEFAULT_DAYS }),
  });
  return (
    <>
      <PageHeader
        title="Explanations"
        description="What drives the model's flags, per model version (mean |SHAP| over recent flagged traffic), and how often a flag was fraud according to analysts' verdicts."
        actions={canAccess(user.role, "models") ? <LabelExport /> : undefined}
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ExplanationsClient initialDays={DEFAULT_DAYS} />
      </HydrationBoundary>
    </>
  );
}

/** Plain links: the route streams the file and the browser downloads it. */
function LabelExport() {
  const button = "rounded-md border border-line bg-surface px-3 py-1.5 text-[12px] font-medium hover:bg-surface-muted";
  return (
    <div className="flex shrink-0 items-center gap-2">
      <span className="text-[12px] text-muted">Export labels for retraining</span>
      <a href="/api/labels/export?format=csv" download className={button}>
        CSV
      </a>
      <a href="/api/labels/export?format=jsonl" download className={button}>
        JSON lines
      </a>
    </div>
  );
}
