"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/settings/controls";
import { auditKeys } from "@/lib/queries/audit";
import { postTrainingJob, trainingKeys } from "@/lib/queries/training";
import type { TrainingJob } from "@/lib/training/training-job";
import { RetrainDialog } from "./retrain-dialog";

/** "Retrain" (Models page, the Drift page's recommendation): the dialog, then the job is started and the jobs list follows it. */
export function RetrainButton({ onStarted, tone = "primary" }: { onStarted?: (job: TrainingJob) => void; tone?: "primary" | "secondary" }) {
  const queryClient = useQueryClient();
  const [isOpen, setOpen] = useState(false);
  const start = useMutation({
    mutationFn: postTrainingJob,
    onSuccess: async (job) => {
      setOpen(false);
      onStarted?.(job);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trainingKeys.all }),
        queryClient.invalidateQueries({ queryKey: auditKeys.all }),
      ]);
    },
  });
  return (
    <>
      <Button
        type="button"
        tone={tone}
        onClick={() => {
          start.reset();
          setOpen(true);
        }}
      >
        Retrain
      </Button>
      {isOpen && (
        <RetrainDialog isPending={start.isPending} error={start.error} onCancel={() => setOpen(false)} onConfirm={(r) => start.mutate(r)} />
      )}
    </>
  );
}
