import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { queueStatusIndexPk } from "@/lib/db/keys";
import { store, type StoreDeps } from "@/lib/db/store";
import type { LabeledItem } from "@/lib/labels/label-format";
import { VERIFIED_STATUSES } from "@/lib/queue/queue-item";

/**
 * The tenant's verified verdicts whose transaction was created in [from, to], from the two verified
 * status partitions of GSI1 (a Query each, in created order; never Scan). Verdicts are human-made,
 * so a window holds thousands at most: they are returned whole, sorted by transaction time.
 */
export async function readVerifiedLabels(
  input: { tenantId: string; from: string; to: string },
  deps: StoreDeps = {},
): Promise<LabeledItem[]> {
  const { db, tableName } = store(deps);
  const items: LabeledItem[] = [];
  for (const status of VERIFIED_STATUSES) {
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: "GSI1",
          // Sort keys are `<iso created>#<txn>`: "~" sorts after "#", so `to` itself is included.
          KeyConditionExpression: "GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to",
          ExpressionAttributeValues: { ":pk": queueStatusIndexPk(input.tenantId, status), ":from": input.from, ":to": `${input.to}~` },
          ExpressionAttributeNames: { "#status": "status", "#model": "model", "#verdict": "verdict" },
          ProjectionExpression: "txnId, #status, features, #verdict, #model, createdAt",
          ExclusiveStartKey,
        }),
      );
      items.push(...((page.Items ?? []) as LabeledItem[]));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  }
  return items.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.txnId < b.txnId ? -1 : 1));
}
