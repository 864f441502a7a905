import { randomUUID } from "node:crypto";
import { DeleteCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { ZodError } from "zod";
import { auditPk, auditSk } from "@/lib/db/keys";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { withRetries, type RetryOptions } from "@/lib/queue/with-retries";
import type { AuditEntry } from "./audit-entry";
import { store, type StoreDeps } from "@/lib/db/store";

/** What is about to happen: written as a pending entry before the mutation runs. */
export interface AuditIntent {
  tenantId: string;
  actor: string;
  action: string;
  target: string;
  reason?: string | null;
  /** The requested change, kept on the pending entry until the outcome replaces it. */
  requested?: unknown;
}

/** What the mutation reports: applied (with before/after, and a more precise action if known) or nothing changed. */
export type AuditedOutcome<T> =
  | { outcome: "applied"; result: T; before: unknown; after: unknown; action?: string; target?: string }
  | { outcome: "unchanged"; result: T };

export type AuditDeps = StoreDeps & { retry?: RetryOptions };

/**
 * Runs one mutating action so that it is never acknowledged without its audit record (see
 * lib/audit/README.md): the entry is written as `pending` first, the mutation runs, and the entry is
 * completed with the before and after state. If the intent cannot be written nothing is changed;
 * if the completion cannot be written the caller gets an error (the change is not acknowledged)
 * and the pending entry stays in the log as "outcome unconfirmed". A mutation refused by its own
 * condition (an AppError) or by validation changed nothing, so its intent is discarded.
 */
export async function auditedAction<T>(
  intent: AuditIntent,
  mutate: (entry: Pick<AuditEntry, "id" | "at">) => Promise<AuditedOutcome<T>>,
  deps: AuditDeps = {},
): Promise<T> {
  const db = store(deps).db;
  const TableName = store(deps).tableName;
  const entry: AuditEntry = {
    id: randomUUID(),
    tenantId: intent.tenantId,
    actor: intent.actor,
    action: intent.action,
    target: intent.target,
    before: null,
    after: intent.requested ?? null,
    reason: intent.reason?.trim() || null,
    at: (deps.now?.() ?? new Date()).toISOString(),
    state: "pending",
  };
  const Key = { PK: auditPk(entry.tenantId), SK: auditSk(entry.at, entry.id) };
  try {
    await withRetries(
      () => db.send(new PutCommand({ TableName, Item: { ...Key, ...entry }, ConditionExpression: "attribute_not_exists(PK)" })),
      deps.retry,
    );
  } catch (error) {
    throw new AppError("unavailable", "The audit log could not be written, so nothing was changed; try again", { cause: error });
  }

  let outcome: AuditedOutcome<T>;
  try {
    outcome = await mutate(entry);
  } catch (error) {
    // Refused by its condition or its input: nothing changed. Anything else may or may not have
    // reached the table, so the pending entry stays as the honest record of an unknown outcome.
    if (isAppError(error) || error instanceof ZodError) await discard(db, TableName, Key);
    throw error;
  }
  if (outcome.outcome === "unchanged") {
    await discard(db, TableName, Key);
    return outcome.result;
  }
  try {
    await withRetries(
      () =>
        db.send(
          new UpdateCommand({
            TableName,
            Key,
            UpdateExpression: "SET #state = :done, #before = :before, #after = :after, #action = :action, #target = :target",
            ConditionExpression: "#state = :pending",
            ExpressionAttributeNames: {
              "#state": "state",
              "#before": "before",
              "#after": "after",
              "#action": "action",
              "#target": "target",
            },
            ExpressionAttributeValues: {
              ":done": "done",
              ":pending": "pending",
              ":before": outcome.before ?? null,
              ":after": outcome.after ?? null,
              ":action": outcome.action ?? entry.action,
              ":target": outcome.target ?? entry.target,
            },
          }),
        ),
      deps.retry,
    );
  } catch (error) {
    throw new AppError("unavailable", "The change may have been applied but its audit record is unconfirmed; reload before trying again", {
      cause: error,
    });
  }
  return outcome.result;
}

/** Best effort: an intent left behind reads as "outcome unconfirmed", which is still true. */
async function discard(db: NonNullable<StoreDeps["db"]>, TableName: string, Key: Record<string, string>): Promise<void> {
  try {
    await db.send(
      new DeleteCommand({
        TableName,
        Key,
        ConditionExpression: "#state = :pending",
        ExpressionAttributeNames: { "#state": "state" },
        ExpressionAttributeValues: { ":pending": "pending" },
      }),
    );
  } catch {
    // Left pending; see above.
  }
}
