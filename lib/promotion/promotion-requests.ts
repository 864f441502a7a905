import { z } from "zod";
import { MAX_CANARY_PERCENT, MIN_CANARY_PERCENT } from "./deploy-candidate";

/** `{version}` in /api/models/{version}/…: a registry version number, "v3" accepted. */
export const modelVersionParam = z
  .string()
  .regex(/^v?[1-9]\d{0,8}$/, "a model package version number, e.g. 3")
  .transform((v) => Number(v.replace(/^v/, "")));

/** POST /api/models/{version}/deploy. */
export const deployRequestSchema = z
  .object({
    endpoint: z.string().min(1).max(63),
    mode: z.enum(["shadow", "canary"]),
    /** Canary share in percent; shadows take none. */
    weight: z.number().min(MIN_CANARY_PERCENT).max(MAX_CANARY_PERCENT).optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .refine((r) => r.mode === "canary" || r.weight === undefined, { message: "a shadow takes no weight", path: ["weight"] });

/** POST /api/endpoints/{name}/promote. */
export const promoteRequestSchema = z.object({
  variant: z.string().min(1).max(63),
  reason: z.string().trim().min(1, "say why").max(500),
});

/** GET /api/endpoints/{name}/promote?variant: the check a promotion of that canary would pass or fail. */
export const promoteCheckQuerySchema = z.object({ variant: z.string().min(1).max(63).default("canary") });

/** GET /api/models/{version}/comparison?from&to. */
export const comparisonQuerySchema = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
