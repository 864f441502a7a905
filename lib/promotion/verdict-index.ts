import { queueStatusIndexPk } from "@/lib/db/keys";
import { queryAll } from "@/lib/db/query-all";
import { store, type StoreDeps } from "@/lib/db/store";
import { encodeCsvRow, FEATURE_NAMES, type FeatureValue } from "@/lib/features/schema";
import type { Label } from "./comparison";

/**
 * Analysts' final verdicts of a window, by the exact CSV row the transaction was scored with.
 *
 * Capture holds what the model saw (the feature rows), not the txn_id, and a queue item holds the
 * features it was scored with; a model's score is a function of its row, so joining a captured row
 * to a verdict by that row gives each model's decision on the verdicted transaction exactly. Two
 * transactions with the very same features share a key: each verdict is taken once, in order.
 *
 * Memory grows with the verdicts of the window (human-made: thousands a day), never with traffic.
 */
export class VerdictIndex {
  private readonly byRow = new Map<string, Label[]>();
  size = 0;

  add(row: string, label: Label): void {
    const list = this.byRow.get(row);
    if (list) list.push(label);
    else this.byRow.set(row, [label]);
    this.size += 1;
  }

  /** The verdict of a transaction scored with this row, taken so that it counts once. */
  take(row: string): Label | null {
    const list = this.byRow.get(row);
    const label = list?.shift() ?? null;
    if (list && list.length === 0) this.byRow.delete(row);
    return label;
  }
}

export function rowOf(features: Record<string, FeatureValue>): string {
  return encodeCsvRow(FEATURE_NAMES.map((name) => features[name] ?? null));
}

const LABEL_OF_STATUS: Record<string, Label> = { confirmed_fraud: "fraud", false_positive: "legit" };

/**
 * Loads the verdicts on transactions queued within [from, to] (plus a minute either side: a queue
 * item is written just after its model call is captured) from the two verified status partitions
 * of GSI1, page by page.
 */
export async function loadVerdicts(input: { tenantId: string; from: string; to: string }, deps: StoreDeps = {}): Promise<VerdictIndex> {
  const { db, tableName } = store(deps);
  const index = new VerdictIndex();
  const from = new Date(Date.parse(input.from) - 60_000).toISOString();
  const to = new Date(Date.parse(input.to) + 60_000).toISOString();
  for (const status of Object.keys(LABEL_OF_STATUS)) {
    const items = queryAll<{ features?: Record<string, FeatureValue> }>(db, {
      TableName: tableName,
      IndexName: "GSI1",
      KeyConditionExpression: "GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to",
      ExpressionAttributeValues: { ":pk": queueStatusIndexPk(input.tenantId, status), ":from": from, ":to": `${to}~` },
      ProjectionExpression: "features",
    });
    for await (const { features } of items) if (features) index.add(rowOf(features), LABEL_OF_STATUS[status]!);
  }
  return index;
}
