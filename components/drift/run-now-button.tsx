"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { auditKeys } from "@/lib/queries/audit";
import { driftKeys, postDriftRun } from "@/lib/queries/drift";
import { SCHEDULED_WINDOW_HOURS } from "@/lib/drift/drift-request";

/** Runs the job now over the trailing day (the scheduled window), then refreshes the page's data. */
export function RunNowButton({ endpoint }: { endpoint: string }) {
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: () => {
      const to = new Date();
      const from = new Date(to.getTime() - SCHEDULED_WINDOW_HOURS * 3_600_000);
      return postDriftRun({ endpoint, from: from.toISOString(), to: to.toISOString() });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: driftKeys.all });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
  return (
    <div className="flex items-center gap-3">
      {run.isError && (
        <span role="alert" className="text-[12px] text-danger">
          Run failed: {run.error.message}
        </span>
      )}
      {run.isSuccess && !run.isPending && <span className="text-[12px] text-success">Run recorded</span>}
      <button
        type="button"
        onClick={() => run.mutate()}
        disabled={run.isPending}
        className="rounded-md bg-accent px-3 py-1.5 text-[12px] font-medium text-white hover:opacity-90 disabled:opacity-60"
      >
        {run.isPending ? "Running…" : "Run now"}
      </button>
    </div>
  );
}
