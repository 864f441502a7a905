import { FEATURE_NAMES, LABEL_COLUMN, type FeatureValue } from "@/lib/features/schema";
import type { QueueStatus, VerdictRecord } from "@/lib/queue/queue-item";

/**
 * Verified verdicts as training rows. The CSV has exactly the training script's columns in its
 * order (infra/model/simulator/csv.ts TRAINING_CSV_HEADER: the label, then the schema's features),
 * so an export can be appended to a training set as is; JSON lines add the provenance.
 */
export const LABEL_FORMATS = ["csv", "jsonl"] as const;
export type LabelFormat = (typeof LABEL_FORMATS)[number];

export const LABEL_CSV_HEADER = [LABEL_COLUMN, ...FEATURE_NAMES].join(",");

export interface LabeledItem {
  txnId: string;
  status: QueueStatus;
  features: Record<string, FeatureValue>;
  verdict: VerdictRecord | null;
  model: { version: string | null } | null;
  createdAt: string;
}

export const isFraudLabel = (item: Pick<LabeledItem, "status">) => (item.status === "confirmed_fraud" ? 1 : 0);

export function toLabelCsvRow(item: LabeledItem): string {
  const values = FEATURE_NAMES.map((name) => item.features[name] ?? null);
  return [isFraudLabel(item), ...values.map((v) => (v == null ? "" : String(v)))].join(",");
}

export function toLabelJsonLine(item: LabeledItem): string {
  return JSON.stringify({
    [LABEL_COLUMN]: isFraudLabel(item),
    ...Object.fromEntries(FEATURE_NAMES.map((name) => [name, item.features[name] ?? null])),
    txn_id: item.txnId,
    verdict: item.verdict?.verdict ?? null,
    verdict_at: item.verdict?.at ?? null,
    decided_by: item.verdict?.by ?? null,
    model_version: item.model?.version ?? null,
    created_at: item.createdAt,
  });
}
