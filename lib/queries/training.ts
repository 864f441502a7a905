import { queryOptions } from "@tanstack/react-query";
import { isTerminal, type TrainingJob, type TrainingJobRequest, type TrainingParameters } from "@/lib/training/training-job";
import { apiFetch } from "./api-fetch";

/** Retraining (GET/POST /api/training-jobs, the preview, stop). */
export const trainingKeys = {
  all: ["training-jobs"] as const,
  preview: (from: string, to: string, numRound: number | null) => ["training-jobs", "preview", from, to, numRound] as const,
};

/** The jobs list; polls every 2 s while a job is unfinished (GET advances it on the server), and stops once all have ended. */
export const trainingJobsQueryOptions = () =>
  queryOptions({
    queryKey: trainingKeys.all,
    queryFn: () => apiFetch<{ jobs: TrainingJob[] }>("/api/training-jobs"),
    refetchInterval: (query) => (query.state.data?.jobs.some((j) => !isTerminal(j.status)) ? 2_000 : false),
  });

export const trainingPreviewQueryOptions = (from: string, to: string, numRound: number | null) =>
  queryOptions({
    queryKey: trainingKeys.preview(from, to, numRound),
    queryFn: () =>
      apiFetch<TrainingParameters>(
        `/api/training-jobs/preview?${new URLSearchParams({ from, to, ...(numRound ? { num_round: String(numRound) } : {}) }).toString()}`,
      ),
    staleTime: 10_000,
  });

export function postTrainingJob(body: TrainingJobRequest): Promise<TrainingJob> {
  return apiFetch("/api/training-jobs", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

export function postStopTrainingJob(name: string): Promise<TrainingJob> {
  return apiFetch(`/api/training-jobs/${encodeURIComponent(name)}/stop`, { method: "POST" });
}
