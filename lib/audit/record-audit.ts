import { randomUUID } from "node:crypto";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient } from "@/lib/aws/clients";
import { auditPk, auditSk } from "@/lib/db/keys";
import { env } from "@/lib/env";
import type { AuditEntry } from "./audit-entry";
import type { AuditStoreDeps } from "./deps";

export type AuditInput = Omit<AuditEntry, "id" | "at" | "reason" | "state"> & { reason?: string | null };

/**
 * Appends a completed audit entry. For a mutation use auditedAction instead, which records the
 * intent before the change so that no acknowledged change can lack its entry.
 */
export async function recordAudit(input: AuditInput, deps: AuditStoreDeps = {}): Promise<AuditEntry> {
  const entry: AuditEntry = {
    ...input,
    reason: input.reason?.trim() || null,
    id: randomUUID(),
    at: (deps.now?.() ?? new Date()).toISOString(),
    state: "done",
  };
  await (deps.db ?? documentClient()).send(
    new PutCommand({
      TableName: deps.tableName ?? env().TABLE_NAME,
      Item: { PK: auditPk(entry.tenantId), SK: auditSk(entry.at, entry.id), ...entry },
      ConditionExpression: "attribute_not_exists(PK)",
    }),
  );
  return entry;
}
