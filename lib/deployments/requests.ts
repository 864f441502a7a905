import { z } from "zod";

/** Endpoint names as SageMaker allows them (EndpointName pattern, 63 characters). */
export const endpointNameSchema = z.string().regex(/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/, "not an endpoint name");

/** PUT /api/endpoints/{name}/weights. */
export const setWeightsRequestSchema = z.object({
  weights: z
    .record(z.string().min(1).max(63), z.number().finite().min(0))
    .refine((w) => Object.keys(w).length > 0, "name at least one variant"),
  reason: z.string().trim().min(1, "a reason is required").max(500),
  expectedVersion: z.number().int().min(0),
});

/** POST /api/endpoints/{name}/rollback. */
export const rollbackRequestSchema = z.object({ reason: z.string().trim().min(1, "a reason is required").max(500) });
