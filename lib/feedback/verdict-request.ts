import { z } from "zod";
import { VERDICTS } from "@/lib/queue/queue-item";

/** Bodies of POST /api/transactions/{txnId}/verdict and POST /api/verdicts (shared with the browser). */
const note = z.string().trim().max(2000).optional();
const version = z.number().int().min(1);

export const verdictRequestSchema = z.object({
  verdict: z.enum(VERDICTS),
  note,
  /** The item version the analyst saw; a verdict on an older version is refused (409). */
  version,
});
export type VerdictRequest = z.infer<typeof verdictRequestSchema>;

export const MAX_BULK_VERDICTS = 100;

export const bulkVerdictRequestSchema = z.object({
  verdict: z.enum(VERDICTS),
  note,
  items: z
    .array(z.object({ txnId: z.string().min(1).max(128), version }))
    .min(1)
    .max(MAX_BULK_VERDICTS)
    .refine((items) => new Set(items.map((i) => i.txnId)).size === items.length, "each txnId at most once"),
});
export type BulkVerdictRequest = z.infer<typeof bulkVerdictRequestSchema>;

export const claimRequestSchema = z.object({ takeOver: z.boolean().default(false) });
