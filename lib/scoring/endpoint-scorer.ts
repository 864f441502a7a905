import { createCoalescer, type Coalescer } from "./coalescer";
import { invokeEndpointRows } from "./invoke-endpoint";
import type { ScoredRecord } from "./parse-invocation";

export interface RowAnswer {
  record: ScoredRecord;
  variant: string | null;
}

export interface ScoreRowInput {
  endpointName: string;
  row: string;
  explainAbove: number;
  timeoutMs: number;
}

/**
 * One coalescer per (endpoint, explanation threshold, budget): rows in one call must share the
 * EnableExplanations expression, and a tenant's endpoint is its own. The map holds no state that
 * matters across requests (a restart loses nothing).
 */
const coalescers = new Map<string, Coalescer<string, RowAnswer>>();

export function scoreRow(input: ScoreRowInput): Promise<RowAnswer> {
  const key = `${input.endpointName}\n${input.explainAbove}\n${input.timeoutMs}`;
  let coalescer = coalescers.get(key);
  if (!coalescer) {
    coalescer = createCoalescer<string, RowAnswer>({
      invoke: async (rows) => {
        const { records, variant } = await invokeEndpointRows({ ...input, rows });
        return records.map((record) => ({ record, variant }));
      },
    });
    coalescers.set(key, coalescer);
  }
  return coalescer.submit(input.row);
}
