import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { AppError } from "@/lib/errors/app-error";
import { auditPk } from "@/lib/db/keys";
import { store } from "@/lib/db/store";
import type { AuditEntry, AuditFilters } from "./audit-entry";
import type { StoreDeps } from "@/lib/db/store";

export interface AuditPage {
  entries: AuditEntry[];
  /** Opaque; pass back as `cursor` for the next (older) page. */
  nextCursor: string | null;
}

/**
 * A tenant's audit log, newest first. The time range is a key condition (sort keys start with the
 * ISO time); action and actor are filters, so a page may hold fewer than `limit` entries while a
 * cursor still leads on.
 */
export async function listAudit(input: { tenantId: string } & AuditFilters, deps: StoreDeps = {}): Promise<AuditPage> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ":pk": auditPk(input.tenantId) };
  let keyCondition = "PK = :pk";
  if (input.from || input.to) {
    keyCondition += " AND SK BETWEEN :from AND :to";
    values[":from"] = input.from ? new Date(input.from).toISOString() : "0";
    // "~" sorts after every "<iso>#<id>" that starts with the bound's timestamp.
    values[":to"] = input.to ? `${new Date(input.to).toISOString()}~` : "~";
  }
  const filters: string[] = [];
  if (input.action) {
    filters.push("begins_with(#action, :action)");
    names["#action"] = "action";
    values[":action"] = input.action;
  }
  if (input.actor) {
    filters.push("actor = :actor");
    values[":actor"] = input.actor;
  }
  const { db, tableName } = store(deps);
  const { Items, LastEvaluatedKey } = await db.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: keyCondition,
      FilterExpression: filters.length ? filters.join(" AND ") : undefined,
      ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
      ExpressionAttributeValues: values,
      ScanIndexForward: false,
      Limit: input.limit,
      ExclusiveStartKey: decodeCursor(input.cursor, input.tenantId),
    }),
  );
  return {
    entries: (Items ?? []).map(({ PK: _pk, SK: _sk, ...entry }) => entry as AuditEntry),
    nextCursor: LastEvaluatedKey ? Buffer.from(JSON.stringify(LastEvaluatedKey)).toString("base64url") : null,
  };
}

function decodeCursor(cursor: string | undefined, tenantId: string): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { PK?: unknown; SK?: unknown };
    // A cursor is client input: it must not lead into another tenant's partition.
    if (key.PK !== auditPk(tenantId) || typeof key.SK !== "string") throw new Error("foreign cursor");
    return { PK: key.PK, SK: key.SK };
  } catch {
    throw new AppError("bad_request", "cursor: not a cursor from this log");
  }
}
