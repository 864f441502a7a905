import { HYPERPARAMETER_NAMES, trainingJobRequestSchema, type TrainingJobRequest } from "./training-job";

/** GET /api/training-jobs/preview's query: from, to, and any hyper-parameter by name (num_round=50). */
export function trainingPreviewQuery(params: URLSearchParams): TrainingJobRequest {
  const hyperparameters = Object.fromEntries(
    HYPERPARAMETER_NAMES.flatMap((name) => {
      const value = params.get(name);
      return value === null || value === "" ? [] : [[name, Number(value)]];
    }),
  );
  return trainingJobRequestSchema.parse({
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
    ...(Object.keys(hyperparameters).length > 0 ? { hyperparameters } : {}),
  });
}
