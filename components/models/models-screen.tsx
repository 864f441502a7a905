"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { ModelVersionView } from "@/lib/models/get-models-overview";
import { auditKeys } from "@/lib/queries/audit";
import { modelsKeys, modelsQueryOptions, postApproval } from "@/lib/queries/models";
import { ApprovalDialog } from "./approval-dialog";
import { ModelVersionsTable } from "./model-versions-table";
import { RolloutActions } from "./rollout-actions";
import { VersionActionButton } from "./version-action-button";

/** The promotion screen: versions with their gates, approvals and deployments; Approve / Reject per version. */
export function ModelsScreen() {
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(modelsQueryOptions());
  const [deciding, setDeciding] = useState<{ version: ModelVersionView; decision: "Approved" | "Rejected" } | null>(null);
  const decide = useMutation({
    mutationFn: ({ version, status, comment }: { version: number; status: "Approved" | "Rejected"; comment: string }) =>
      postApproval(version, { status, comment }),
    onSuccess: async () => {
      setDeciding(null);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: modelsKeys.all }),
        queryClient.invalidateQueries({ queryKey: auditKeys.all }),
      ]);
    },
  });
  const open = (version: ModelVersionView, decision: "Approved" | "Rejected") => {
    decide.reset();
    setDeciding({ version, decision });
  };
  const { gates } = data;
  if (data.versions.length === 0) {
    return (
      <EmptyState
        title="No model versions registered"
        description={`The model package group ${data.modelPackageGroupName} has no versions yet. Versions registered by training appear here with their approval status.`}
      />
    );
  }
  return (
    <Card
      title={`Model package group ${data.modelPackageGroupName}`}
      description={`Newest first. Figures from each version's out-of-time test split, with production's on the same split beneath. Approval needs ROC-AUC ≥ ${gates.minRocAuc.toFixed(2)} and at most ${gates.maxPrAucDrop.toFixed(2)} PR-AUC and ${gates.maxRecallAt80PrecisionDrop.toFixed(2)} recall at 80% precision behind production${data.productionVersion ? ` (v${data.productionVersion})` : ""}.`}
    >
      <ModelVersionsTable
        versions={data.versions}
        renderActions={(v) => (
          <>
            <VersionActionButton
              label={`Approve v${v.version}`}
              tone="primary"
              action={v.actions.approve}
              onClick={() => open(v, "Approved")}
            />
            <VersionActionButton label={`Reject v${v.version}`} action={v.actions.reject} onClick={() => open(v, "Rejected")} />
            <RolloutActions version={v} overview={data} />
          </>
        )}
      />
      {deciding && (
        <ApprovalDialog
          version={deciding.version}
          decision={deciding.decision}
          isPending={decide.isPending}
          error={decide.error}
          onCancel={() => setDeciding(null)}
          onConfirm={(comment) => decide.mutate({ version: deciding.version.version, status: deciding.decision, comment })}
        />
      )}
    </Card>
  );
}
