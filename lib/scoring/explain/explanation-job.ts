import { encodeCsvRow, FEATURE_NAMES, type FeatureValue } from "@/lib/features/schema";
import type { QueueItem } from "@/lib/queue/queue-item";
import type { ScoredRecord } from "../parse-invocation";

/** One record to explain, for the variant whose score decided it (so the attributions explain that model). */
export interface ExplanationJob {
  tenantId: string;
  txnId: string;
  endpointName: string;
  variant: string;
  /** Model inputs in the feature schema's order. */
  vector: FeatureValue[];
  /** InvokeEndpoint attempts already made (persisted on the item, so a re-drive keeps counting). */
  attempts: number;
  /** A call already under way (synchronous reasons that missed the budget): the first attempt awaits it. */
  inFlight?: Promise<ScoredRecord>;
}

export function csvRowOf(job: Pick<ExplanationJob, "vector">): string {
  return encodeCsvRow(job.vector);
}

/** The job for a queued item, or null when it has nothing to explain (no variant answered). */
export function jobForItem(item: QueueItem): ExplanationJob | null {
  if (!item.model?.variant) return null;
  return {
    tenantId: item.tenantId,
    txnId: item.txnId,
    endpointName: item.model.endpoint,
    variant: item.model.variant,
    vector: FEATURE_NAMES.map((name) => item.features[name] ?? null),
    attempts: item.explanation?.attempts ?? 0,
  };
}
