"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Button } from "@/components/settings/controls";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorCallout } from "@/components/ui/callout";
import { TableSkeleton } from "@/components/ui/skeleton";
import { auditKeys } from "@/lib/queries/audit";
import { modelsKeys } from "@/lib/queries/models";
import { postStopTrainingJob, trainingJobsQueryOptions, trainingKeys } from "@/lib/queries/training";
import { isTerminal, type TrainingJob, type TrainingStatus } from "@/lib/training/training-job";
import { RetrainButton } from "./retrain-button";

const TONE: Record<TrainingStatus, BadgeTone> = {
  Preparing: "accent",
  InProgress: "accent",
  Stopping: "warning",
  Registering: "accent",
  Completed: "success",
  Failed: "danger",
  Stopped: "neutral",
};

const day = (iso: string) => iso.slice(0, 10);
const time = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

function duration(job: TrainingJob): string {
  if (job.trainingSeconds != null) return `${job.trainingSeconds} s training`;
  const end = job.endedAt ? Date.parse(job.endedAt) : Date.now();
  return `${Math.max(0, Math.round((end - Date.parse(job.createdAt)) / 1000))} s`;
}

function Result({ job }: { job: TrainingJob }) {
  if (job.registered) {
    const r = job.registered;
    return (
      <span>
        <a className="font-medium text-accent underline-offset-2 hover:underline" href={`/models#v${r.version}`}>
          v{r.version}
        </a>{" "}
        pending approval · ROC-AUC {r.rocAuc.toFixed(3)} · PR-AUC {r.prAuc.toFixed(3)}
      </span>
    );
  }
  if (job.failureReason) return <span className="text-danger">{job.failureReason}</span>;
  return <span className="text-muted">{job.secondaryStatus ?? job.status}</span>;
}

/** The tenant's training jobs: status, duration, data window, rows, the log's tail, the failure reason or the registered version. */
export function TrainingJobsCard() {
  const queryClient = useQueryClient();
  const { data, error } = useQuery(trainingJobsQueryOptions());
  const stop = useMutation({
    mutationFn: postStopTrainingJob,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trainingKeys.all }),
        queryClient.invalidateQueries({ queryKey: auditKeys.all }),
      ]),
  });
  // A job that has just registered a version: the registry above shows it (not on first load: nothing is new then).
  const registered = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!data) return;
    const names = data.jobs.filter((j) => j.registered).map((j) => j.name);
    const seen = registered.current;
    registered.current = new Set(names);
    if (seen && names.some((name) => !seen.has(name))) void queryClient.invalidateQueries({ queryKey: modelsKeys.all });
  }, [data, queryClient]);
  return (
    <Card>
      <div id="training-jobs" className="flex items-start justify-between gap-4 border-b border-line px-4 py-3">
        <div>
          <h2 className="text-[13px] font-semibold">Training jobs</h2>
          <p className="mt-0.5 text-[12px] text-muted">
            Retraining from the production version&apos;s training data plus the analysts&apos; matured verdicts (SageMaker training jobs,
            one at a time).
          </p>
        </div>
        <RetrainButton />
      </div>
      {error && !data && <ErrorCallout title="Training jobs could not be loaded">{error.message}</ErrorCallout>}
      {!data && !error && <TableSkeleton rows={3} />}
      {data && data.jobs.length === 0 && <p className="px-4 py-3 text-[13px] text-muted">No training job yet.</p>}
      {data && data.jobs.length > 0 && (
        <ul className="divide-y divide-line" aria-label="Training jobs">
          {data.jobs.map((job) => (
            <li key={job.name} className="px-4 py-3 text-[13px]" aria-label={`Training job ${job.name}`}>
              <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
                <Badge tone={TONE[job.status]}>{job.status}</Badge>
                <span className="font-mono text-[12px]">{job.name}</span>
                <span className="text-muted">
                  started {time(job.createdAt)} by {job.actor}
                </span>
                <span className="tabular-nums text-muted">{duration(job)}</span>
                {!isTerminal(job.status) && !job.stopRequested && (
                  <Button type="button" className="ml-auto" disabled={stop.isPending} onClick={() => stop.mutate(job.name)}>
                    Stop
                  </Button>
                )}
              </div>
              <div className="mt-1 flex flex-wrap gap-x-4 text-[12px] text-muted">
                <span>
                  verdicts {day(job.parameters.window.from)} – {day(job.parameters.window.to)}
                </span>
                <span className="tabular-nums">
                  rows train {job.parameters.rows.train.toLocaleString("en-US")} · validation{" "}
                  {job.parameters.rows.validation.toLocaleString("en-US")} · test {job.parameters.rows.test.toLocaleString("en-US")}
                </span>
                <span>from v{job.parameters.production.version}</span>
              </div>
              <p className="mt-1">
                <Result job={job} />
              </p>
              {job.logTail.length > 0 && (
                <details className="mt-1">
                  <summary className="cursor-pointer text-[12px] text-muted">Log (last {job.logTail.length} lines)</summary>
                  <pre className="mt-1 max-h-48 overflow-auto rounded bg-surface-muted p-2 text-[11px] leading-snug">
                    {job.logTail.join("\n")}
                  </pre>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {stop.error && (
        <p role="alert" className="px-4 pb-3 text-[12px] text-danger">
          Not stopped: {stop.error.message}
        </p>
      )}
    </Card>
  );
}
