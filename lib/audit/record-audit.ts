import { randomUUID } from "node:crypto";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { auditPk, auditSk } from "@/lib/db/keys";
import { store } from "@/lib/db/store";
import type { AuditEntry } from "./audit-entry";
import type { StoreDeps } from "@/lib/db/store";

export type AuditInput = Omit<AuditEntry, "id" | "at" | "reason" | "state"> & { reason?: string | null };

/**
 * Appends a completed audit entry. For a mutation use auditedAction instead, which records the
 * intent before the change so that no acknowledged change can lack its entry.
 */
export async function recordAudit(input: AuditInput, deps: StoreDeps = {}): Promise<AuditEntry> {
  const { db, tableName, now } = store(deps);
  const entry: AuditEntry = {
    ...input,
    reason: input.reason?.trim() || null,
    id: randomUUID(),
    at: now().toISOString(),
    state: "done",
  };
  await db.send(
    new PutCommand({
      TableName: tableName,
      Item: { PK: auditPk(entry.tenantId), SK: auditSk(entry.at, entry.id), ...entry },
      ConditionExpression: "attribute_not_exists(PK)",
    }),
  );
  return entry;
}
