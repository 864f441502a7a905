import { QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import { queueStatusIndexPk } from "@/lib/db/keys";
import { store } from "@/lib/db/store";
import type { QueueStoreDeps } from "./deps";
import { getQueueItem } from "./get-queue-item";
import { decodeCursor, encodeCursor } from "./queue-cursor";
import { createdRange, type QueueFilters } from "./queue-filters";
import type { QueueItem } from "./queue-item";
import { ROW_ATTRIBUTES, toQueueRow, type QueueRow } from "./queue-row";

export interface QueuePage {
  items: QueueRow[];
  /** Opaque; null when nothing follows. A page may be short while a cursor still leads on (filters). */
  nextCursor: string | null;
}

/** Filtered pages read at most this much before answering short, so a rare filter can't stall a request. */
export const MAX_QUERY_CALLS = 6;
export const MAX_EVALUATED = 3_000;

/**
 * One page of a tenant's queue for one status, in score or age order, by Query on GSI2 / GSI1 (never
 * Scan). Filters the key cannot serve are a FilterExpression, and the page continues until filled
 * or the read budget is spent. The cursor is the key of the last row returned (not DynamoDB's
 * LastEvaluatedKey when the page filled mid-read), so no matching row is skipped or repeated.
 */
export async function listQueue(input: { tenantId: string } & QueueFilters, deps: QueueStoreDeps = {}): Promise<QueuePage> {
  const { db, tableName, now: clock } = store(deps);
  const now = clock();
  if (input.q) return searchById(input.tenantId, input.q, now, deps);
  const base = buildQuery(input, tableName);
  const isFiltered = base.command.FilterExpression !== undefined;
  const rows: Array<{ raw: Record<string, unknown>; row: QueueRow }> = [];
  let startKey: Record<string, unknown> | undefined = input.cursor ? decodeCursor(input.cursor, base.cursorShape) : undefined;
  let evaluated = 0;
  for (let call = 0; call < MAX_QUERY_CALLS; call++) {
    const need = input.limit + 1 - rows.length;
    const {
      Items = [],
      LastEvaluatedKey,
      ScannedCount = 0,
    } = await db.send(
      new QueryCommand({
        ...base.command,
        Limit: isFiltered ? Math.min(1000, Math.max(need * 4, 100)) : need,
        ExclusiveStartKey: startKey,
      }),
    );
    evaluated += ScannedCount;
    for (const raw of Items) rows.push({ raw, row: toQueueRow(raw as unknown as QueueItem, now) });
    startKey = LastEvaluatedKey;
    if (rows.length > input.limit || !startKey || evaluated >= MAX_EVALUATED) break;
  }
  if (rows.length > input.limit) {
    const last = rows[input.limit - 1]?.raw ?? {};
    return { items: rows.slice(0, input.limit).map((r) => r.row), nextCursor: encodeCursor(pick(last, base.keyAttributes)) };
  }
  return { items: rows.map((r) => r.row), nextCursor: startKey ? encodeCursor(startKey) : null };
}

function buildQuery(input: { tenantId: string } & QueueFilters, TableName: string) {
  const byScore = input.sort === "score";
  const [pkAttr, skAttr, IndexName] = byScore ? ["GSI2PK", "GSI2SK", "GSI2"] : ["GSI1PK", "GSI1SK", "GSI1"];
  const indexPk = queueStatusIndexPk(input.tenantId, input.status);
  const names: Record<string, string> = { "#pk": pkAttr };
  const values: Record<string, unknown> = { ":pk": indexPk };
  const filters: string[] = [];
  let keyCondition = "#pk = :pk";
  const range = createdRange(input);
  if (range.from || range.to) {
    values[":from"] = range.from ?? "0";
    values[":to"] = `${range.to ?? "9"}~`;
    if (byScore) {
      names["#createdAt"] = "createdAt";
      filters.push("#createdAt BETWEEN :from AND :to");
    } else {
      names["#sk"] = skAttr;
      keyCondition += " AND #sk BETWEEN :from AND :to";
    }
  }
  if (input.decision) {
    names["#decision"] = "decision";
    values[":decision"] = input.decision;
    filters.push("#decision = :decision");
  }
  if (input.minAmount !== undefined || input.maxAmount !== undefined) {
    names["#txn"] = "transaction";
    names["#amount"] = "amount";
    values[":minAmount"] = input.minAmount ?? 0;
    values[":maxAmount"] = input.maxAmount ?? Number.MAX_SAFE_INTEGER;
    filters.push("#txn.#amount BETWEEN :minAmount AND :maxAmount");
  }
  if (input.modelVersion) {
    names["#model"] = "model";
    names["#version"] = "version";
    values[":modelVersion"] = input.modelVersion;
    filters.push("#model.#version = :modelVersion");
  }
  const keyAttributes = ["PK", "SK", pkAttr, skAttr];
  const projection = [...ROW_ATTRIBUTES, ...keyAttributes].map((name, i) => {
    names[`#p${i}`] = name;
    return `#p${i}`;
  });
  names["#ptxn"] = "transaction";
  names["#pamount"] = "amount";
  names["#pcurrency"] = "currency";
  const command: QueryCommandInput = {
    TableName,
    IndexName,
    KeyConditionExpression: keyCondition,
    FilterExpression: filters.length ? filters.join(" AND ") : undefined,
    ProjectionExpression: [...projection, "#ptxn.#pamount", "#ptxn.#pcurrency"].join(", "),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ScanIndexForward: input.sort === "oldest",
  };
  return {
    command,
    keyAttributes,
    cursorShape: { indexPk, pkAttr, skAttr, itemPkPrefix: `TENANT#${input.tenantId}#TXN#` },
  };
}

async function searchById(tenantId: string, txnId: string, now: Date, deps: QueueStoreDeps): Promise<QueuePage> {
  const item = await getQueueItem({ tenantId, txnId }, deps);
  return { items: item ? [toQueueRow(item, now)] : [], nextCursor: null };
}

function pick(record: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.map((n) => [n, record[n]]));
}
