import { z } from "zod";
import { transactionSchema } from "@/lib/features/transaction";

/** Body limits read from the stream (lib/http/read-json-body): one transaction, and a batch. */
export const MAX_SINGLE_BODY_BYTES = 64 * 1024;
export const MAX_BATCH_BODY_BYTES = 1024 * 1024;
export const MAX_BATCH_TRANSACTIONS = 1000;

/**
 * DynamoDB's document client refuses integers beyond 2^53 (it cannot store them exactly), and no
 * amount or count is that large; found by the property test, which posted txn_count_1h = 2^53 + 2
 * and got a 503 from the queue write instead of a 400.
 */
function refuseUnsafeNumbers(txn: Record<string, unknown>, ctx: z.RefinementCtx): void {
  for (const [field, value] of Object.entries(txn)) {
    if (typeof value === "number" && Math.abs(value) > Number.MAX_SAFE_INTEGER) {
      ctx.addIssue({ code: "custom", path: [field], message: `must be at most ${Number.MAX_SAFE_INTEGER}` });
    }
  }
}

export const scoreRequestSchema = transactionSchema.superRefine(refuseUnsafeNumbers);

export const batchScoreRequestSchema = z.object({
  transactions: z.array(scoreRequestSchema).min(1).max(MAX_BATCH_TRANSACTIONS),
});
