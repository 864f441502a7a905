import { recordExplanation, recordExplanationFailure, recordExplanationRetry } from "@/lib/queue/record-explanation";
import { EXPLAIN_ALL, invokeEndpointRows } from "../invoke-endpoint";
import type { ScoredRecord } from "../parse-invocation";
import { csvRowOf, type ExplanationJob } from "./explanation-job";
import { createExplanationWorker, ExplanationMismatchError, type ExplanationWorker } from "./explanation-worker";

/**
 * Clarify may take far longer than a score (Kernel SHAP: baseline rows × n_samples model calls per
 * record); the runtime client's own requestTimeout (10 s, lib/aws/clients.ts) frees the socket.
 */
export const EXPLAIN_TIMEOUT_MS = 10_000;

/** One InvokeEndpoint with explanations on for the job's record, pinned to the variant that scored it. */
export async function explainRecord(job: ExplanationJob): Promise<ScoredRecord> {
  const { records, variant } = await invokeEndpointRows({
    endpointName: job.endpointName,
    rows: [csvRowOf(job)],
    explanations: EXPLAIN_ALL,
    targetVariant: job.variant,
    timeoutMs: EXPLAIN_TIMEOUT_MS,
  });
  if (variant !== null && variant !== job.variant) throw new ExplanationMismatchError(`asked ${job.variant}, answered by ${variant}`);
  const record = records[0];
  if (!record) throw new ExplanationMismatchError("no record in the explanation answer");
  return record;
}

let worker: ExplanationWorker | undefined;

/** This instance's explanation worker, with the live clients and table. */
export function explanationWorker(): ExplanationWorker {
  worker ??= createExplanationWorker({
    explain: explainRecord,
    store: {
      ready: (input) => recordExplanation(input),
      retry: (input) => recordExplanationRetry(input),
      fail: (input) => recordExplanationFailure(input),
    },
  });
  return worker;
}
