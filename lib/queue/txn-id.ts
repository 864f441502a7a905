import { z } from "zod";

/** A txn_id from a URL path segment: the same bounds the scoring API accepts. */
export const txnIdSchema = z.string().min(1).max(128);
