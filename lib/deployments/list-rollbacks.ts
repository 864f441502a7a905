import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import { rollbackIndexPk } from "@/lib/db/keys";
import { store, type StoreDeps } from "@/lib/db/store";
import { decodeCursor, encodeCursor } from "@/lib/queue/queue-cursor";
import { eventOf, ROLLBACK_OUTCOMES, ROLLBACK_TRIGGERS, type RollbackEvent } from "./rollback-event";

export const rollbackFiltersSchema = z.object({
  endpoint: z.string().min(1).max(63).optional(),
  trigger: z.enum(ROLLBACK_TRIGGERS).optional(),
  outcome: z.enum(ROLLBACK_OUTCOMES).optional(),
  /** ISO times bounding startedAt (inclusive), for the timeline's range. */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2000).optional(),
});
export type RollbackFilters = z.infer<typeof rollbackFiltersSchema>;

export interface RollbackPage {
  items: RollbackEvent[];
  nextCursor: string | null;
}

/**
 * The tenant's rollback events, newest first, through GSI1 (partition = the tenant's events, sort
 * = start time): the time range is a key condition, endpoint / trigger / outcome are filters, read
 * page after page (at most a few) until `limit` events are found, so a filter that matches rarely
 * still answers a full page or a cursor to go on with.
 */
export async function listRollbacks(input: { tenantId: string } & RollbackFilters, deps: StoreDeps = {}): Promise<RollbackPage> {
  const { db, tableName } = store(deps);
  const indexPk = rollbackIndexPk(input.tenantId);
  const values: Record<string, unknown> = { ":pk": indexPk };
  const names: Record<string, string> = {};
  let keyCondition = "GSI1PK = :pk";
  if (input.from || input.to) {
    keyCondition += " AND GSI1SK BETWEEN :from AND :to";
    values[":from"] = input.from ? new Date(input.from).toISOString() : "0";
    values[":to"] = input.to ? `${new Date(input.to).toISOString()}~` : "~";
  }
  const filters: string[] = [];
  for (const [attr, value] of [
    ["endpoint", input.endpoint],
    ["trigger", input.trigger],
    ["outcome", input.outcome],
  ] as const) {
    if (!value) continue;
    filters.push(`#${attr} = :${attr}`);
    names[`#${attr}`] = attr;
    values[`:${attr}`] = value;
  }
  let startKey: Record<string, unknown> | undefined = input.cursor
    ? decodeCursor(input.cursor, { indexPk, pkAttr: "GSI1PK", skAttr: "GSI1SK", itemPkPrefix: `TENANT#${input.tenantId}#ROLLBACK#` })
    : undefined;
  const items: RollbackEvent[] = [];
  for (let page = 0; page < 5 && items.length < input.limit; page++) {
    const { Items, LastEvaluatedKey } = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: "GSI1",
        KeyConditionExpression: keyCondition,
        FilterExpression: filters.length ? filters.join(" AND ") : undefined,
        ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: input.limit - items.length,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(Items ?? []).map(eventOf));
    startKey = LastEvaluatedKey;
    if (!startKey) break;
  }
  return { items, nextCursor: startKey ? encodeCursor(startKey) : null };
}
