import { queueStatusIndexPk } from "@/lib/db/keys";
import { queryAll } from "@/lib/db/query-all";
import { store } from "@/lib/db/store";
import type { QueueStoreDeps } from "@/lib/queue/deps";
import { VERIFIED_STATUSES } from "@/lib/queue/queue-item";
import { LABEL_CSV_HEADER, toLabelCsvRow, toLabelJsonLine, type LabeledItem, type LabelFormat } from "./label-format";

export interface LabelExportInput {
  tenantId: string;
  format: LabelFormat;
  /** Created-at bounds (ISO), inclusive. */
  from?: string;
  to?: string;
}

/**
 * Every verified verdict of a tenant as training rows, read page by page from the two verified
 * status partitions of GSI1 (a Query each, never Scan) and yielded as text lines, so an export of
 * any size streams with constant memory.
 */
export async function* exportLabels(input: LabelExportInput, deps: QueueStoreDeps = {}): AsyncGenerator<string> {
  if (input.format === "csv") yield `${LABEL_CSV_HEADER}\n`;
  const format = input.format === "csv" ? toLabelCsvRow : toLabelJsonLine;
  for (const status of VERIFIED_STATUSES) {
    for await (const item of verifiedItems(input, status, deps)) yield `${format(item)}\n`;
  }
}

function verifiedItems(input: LabelExportInput, status: string, deps: QueueStoreDeps): AsyncGenerator<LabeledItem> {
  const { db, tableName } = store(deps);
  return queryAll<LabeledItem>(db, {
    TableName: tableName,
    IndexName: "GSI1",
    KeyConditionExpression: "GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to",
    ExpressionAttributeValues: {
      ":pk": queueStatusIndexPk(input.tenantId, status),
      ":from": input.from ?? "0",
      ":to": `${input.to ?? "9"}~`,
    },
    ExpressionAttributeNames: { "#status": "status", "#model": "model", "#verdict": "verdict" },
    ProjectionExpression: "txnId, #status, features, #verdict, #model, createdAt",
    ScanIndexForward: true,
  });
}
