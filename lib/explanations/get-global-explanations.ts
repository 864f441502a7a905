import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { queueStatusIndexPk } from "@/lib/db/keys";
import { store } from "@/lib/db/store";
import type { QueueStoreDeps } from "@/lib/queue/deps";
import { QUEUE_STATUSES } from "@/lib/queue/queue-item";
import { aggregateExplanations, type FlaggedSample, type ModelVersionExplanation } from "./aggregate";

export interface GlobalExplanations {
  days: number;
  since: string;
  /** True when a status had more recent items than were read (the figures cover the newest). */
  isSampled: boolean;
  versions: ModelVersionExplanation[];
}

/** Newest items read per status: bounds the page's cost whatever the traffic. */
export const MAX_ITEMS_PER_STATUS = 2_000;

/**
 * Global explanations of recent flagged traffic: a bounded Query per status partition on GSI1 (age
 * order, newest first, created within `days`), reading only model, status and attributions.
 */
export async function getGlobalExplanations(
  input: { tenantId: string; days: number },
  deps: QueueStoreDeps = {},
): Promise<GlobalExplanations> {
  const { db, tableName: TableName, now } = store(deps);
  const since = new Date(now().getTime() - input.days * 86_400_000).toISOString();
  let isSampled = false;
  const perStatus = await Promise.all(
    QUEUE_STATUSES.map(async (status) => {
      const samples: FlaggedSample[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName,
            IndexName: "GSI1",
            KeyConditionExpression: "GSI1PK = :pk AND GSI1SK >= :since",
            ExpressionAttributeValues: { ":pk": queueStatusIndexPk(input.tenantId, status), ":since": since },
            ExpressionAttributeNames: { "#status": "status", "#model": "model" },
            ProjectionExpression: "#status, #model, attributions",
            ScanIndexForward: false,
            Limit: Math.min(1000, MAX_ITEMS_PER_STATUS - samples.length),
            ExclusiveStartKey,
          }),
        );
        samples.push(...((page.Items ?? []) as FlaggedSample[]));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey && samples.length < MAX_ITEMS_PER_STATUS);
      if (ExclusiveStartKey) isSampled = true;
      return samples;
    }),
  );
  return { days: input.days, since, isSampled, versions: aggregateExplanations(perStatus.flat()) };
}
