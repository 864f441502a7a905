import { GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { deploymentHistoryPk, deploymentHistorySk, deploymentSk, tenantPk } from "@/lib/db/keys";
import { store, type StoreDeps } from "@/lib/db/store";
import { withRetries } from "@/lib/queue/with-retries";
import { deploymentSpecSchema, type DeploymentSpec } from "./deployment-spec";

/** Why a deployment record changed: deploy() kinds, a weight change, a rollback. */
export const DEPLOYMENT_KINDS = ["initial", "shadow", "canary", "promotion", "update", "weights", "rollback"] as const;
export type DeploymentKind = (typeof DEPLOYMENT_KINDS)[number];
export type DeployKind = Exclude<DeploymentKind, "weights" | "rollback">;

/** A rollback that has claimed the record and not finished yet (rollback.ts); other changes wait for it. */
export interface RollbackClaim {
  eventId: string;
  startedAt: string;
  actor: string;
}

/**
 * One per endpoint: what it runs now (spec + endpoint config) and, for a rollback after a
 * promotion, what it ran before the last new endpoint config. `version` rises by one with every
 * change (optimistic concurrency: writes are conditional on the version the writer read).
 */
export interface DeploymentRecord {
  tenantId: string;
  endpointName: string;
  version: number;
  spec: DeploymentSpec;
  endpointConfigName: string;
  kind: DeploymentKind;
  actor: string;
  reason: string | null;
  updatedAt: string;
  /** The deployment before the last new endpoint config (set by deploy(), kept by weight changes). */
  previous: { spec: DeploymentSpec; endpointConfigName: string; version: number } | null;
  /** The last rollback event (answers "already rolled back" with it). */
  lastRollbackEventId: string | null;
  rollback: RollbackClaim | null;
}

/** One item per change, newest version last. */
export interface DeploymentHistoryEntry {
  version: number;
  kind: DeploymentKind;
  spec: DeploymentSpec;
  endpointConfigName: string;
  actor: string;
  reason: string | null;
  at: string;
  rollbackEventId?: string | null;
}

export const deploymentKey = (tenantId: string, endpointName: string) => ({ PK: tenantPk(tenantId), SK: deploymentSk(endpointName) });

export async function getDeployment(
  input: { tenantId: string; endpointName: string },
  deps: StoreDeps = {},
): Promise<DeploymentRecord | null> {
  const { db, tableName } = store(deps);
  const { Item } = await db.send(
    new GetCommand({ TableName: tableName, Key: deploymentKey(input.tenantId, input.endpointName), ConsistentRead: true }),
  );
  return Item ? recordOf(Item) : null;
}

export function recordOf(item: Record<string, unknown>): DeploymentRecord {
  const previous = item.previous as DeploymentRecord["previous"] | undefined;
  return {
    tenantId: String(item.tenantId),
    endpointName: String(item.endpointName),
    version: Number(item.version),
    spec: deploymentSpecSchema.parse(item.spec),
    endpointConfigName: String(item.endpointConfigName),
    kind: item.kind as DeploymentKind,
    actor: String(item.actor),
    reason: typeof item.reason === "string" ? item.reason : null,
    updatedAt: String(item.updatedAt),
    previous: previous ? { ...previous, spec: deploymentSpecSchema.parse(previous.spec) } : null,
    lastRollbackEventId: typeof item.lastRollbackEventId === "string" ? item.lastRollbackEventId : null,
    rollback: (item.rollback as RollbackClaim | undefined) ?? null,
  };
}

/** The item of a record; `rollback` is left out unless set (writers add or remove it with conditions). */
export function itemOf(record: DeploymentRecord): Record<string, unknown> {
  const { rollback, ...rest } = record;
  return { ...deploymentKey(record.tenantId, record.endpointName), ...rest, ...(rollback ? { rollback } : {}) };
}

/** Idempotent per version: a retried write lands on the same key. */
export async function putHistoryEntry(
  input: { tenantId: string; endpointName: string; entry: DeploymentHistoryEntry },
  deps: StoreDeps = {},
): Promise<void> {
  const { db, tableName } = store(deps);
  const Item = {
    PK: deploymentHistoryPk(input.tenantId, input.endpointName),
    SK: deploymentHistorySk(input.entry.version),
    ...input.entry,
  };
  await withRetries(() => db.send(new PutCommand({ TableName: tableName, Item })));
}

/** The endpoint's deployment history, newest first. */
export async function listDeploymentHistory(
  input: { tenantId: string; endpointName: string; limit?: number },
  deps: StoreDeps = {},
): Promise<DeploymentHistoryEntry[]> {
  const { db, tableName } = store(deps);
  const { Items } = await db.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: "PK = :pk",
      ExpressionAttributeValues: { ":pk": deploymentHistoryPk(input.tenantId, input.endpointName) },
      ScanIndexForward: false,
      Limit: input.limit ?? 50,
    }),
  );
  return (Items ?? []).map(({ PK: _pk, SK: _sk, ...entry }) => ({
    ...(entry as DeploymentHistoryEntry),
    spec: deploymentSpecSchema.parse(entry.spec),
  }));
}
