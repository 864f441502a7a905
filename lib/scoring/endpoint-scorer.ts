import { createCoalescer, type Coalescer } from "./coalescer";
import { EXPLAIN_NONE, invokeEndpointRows } from "./invoke-endpoint";
import type { ScoredRecord } from "./parse-invocation";

export interface RowAnswer {
  record: ScoredRecord;
  variant: string | null;
}

export interface ScoreRowInput {
  endpointName: string;
  row: string;
  timeoutMs: number;
}

/**
 * One coalescer per (endpoint, budget): a tenant's endpoint is its own. Scoring calls never ask
 * Clarify for explanations (lib/scoring/explain does, off the caller's path). The map holds no
 * state that matters across requests (a restart loses nothing).
 */
const coalescers = new Map<string, Coalescer<string, RowAnswer>>();

export function scoreRow(input: ScoreRowInput): Promise<RowAnswer> {
  const key = `${input.endpointName}\n${input.timeoutMs}`;
  let coalescer = coalescers.get(key);
  if (!coalescer) {
    coalescer = createCoalescer<string, RowAnswer>({
      invoke: async (rows) => {
        const { records, variant } = await invokeEndpointRows({ ...input, rows, explanations: EXPLAIN_NONE });
        return records.map((record) => ({ record, variant }));
      },
    });
    coalescers.set(key, coalescer);
  }
  return coalescer.submit(input.row);
}
