import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { BACKTEST_LOCK_SK, BACKTEST_SK_PREFIX, backtestSk, tenantPk } from "@/lib/db/keys";
import { ifConditionFails } from "@/lib/db/condition";
import { store, type StoreDeps } from "@/lib/db/store";
import { AppError } from "@/lib/errors/app-error";
import type { Comparison } from "../comparison";
import { LOCK_STALE_MS, newBacktestId, type Backtest, type BacktestProgress, type BacktestStatus } from "./backtest-record";

const FIELDS = [
  "id",
  "tenantId",
  "version",
  "endpointName",
  "from",
  "to",
  "status",
  "progress",
  "comparison",
  "cancelRequested",
  "actor",
  "startedAt",
  "updatedAt",
  "finishedAt",
  "error",
  "scoringEndpoint",
] as const;

function toBacktest(item: Record<string, unknown>): Backtest {
  return Object.fromEntries(FIELDS.map((f) => [f, item[f] ?? null])) as unknown as Backtest;
}

/**
 * Takes the tenant's backtest lock and records the run, in that order: the lock is one item per
 * tenant put with a condition (free, or its heartbeat stale), so of two concurrent starts one wins
 * and the other is told which run holds it. A stale lock's run (its runner died with the process)
 * is marked failed as it is taken over.
 */
export async function startBacktest(
  input: { tenantId: string; version: number; endpointName: string; from: string; to: string; actor: string },
  deps: StoreDeps = {},
): Promise<Backtest> {
  const { db, tableName, now } = store(deps);
  const at = now();
  const id = newBacktestId(at);
  const lockKey = { PK: tenantPk(input.tenantId), SK: BACKTEST_LOCK_SK };
  const previous = await db.send(new GetCommand({ TableName: tableName, Key: lockKey }));
  await ifConditionFails(
    () =>
      db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...lockKey, backtestId: id, heartbeatAt: at.toISOString() },
          ConditionExpression: "attribute_not_exists(PK) OR heartbeatAt < :stale",
          ExpressionAttributeValues: { ":stale": new Date(at.getTime() - LOCK_STALE_MS).toISOString() },
        }),
      ),
    async () => {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: lockKey, ConsistentRead: true }));
      throw new AppError("backtest_running", "A backtest is already running for this tenant; wait for it or cancel it", {
        details: { id: (Item?.backtestId as string | undefined) ?? null },
      });
    },
  );
  const stale: unknown = previous.Item?.backtestId;
  if (typeof stale === "string")
    await finishBacktest({ tenantId: input.tenantId, id: stale, status: "failed", error: "interrupted" }, deps);
  const backtest: Backtest = {
    id,
    ...input,
    status: "running",
    progress: { fraction: 0, readThrough: null, rowsScored: 0, unreadableLines: 0 },
    comparison: null,
    cancelRequested: false,
    startedAt: at.toISOString(),
    updatedAt: at.toISOString(),
    finishedAt: null,
    error: null,
    scoringEndpoint: null,
  };
  await db.send(new PutCommand({ TableName: tableName, Item: { PK: lockKey.PK, SK: backtestSk(id), ...backtest } }));
  return backtest;
}

/**
 * Stores progress (and the running comparison) and beats the lock's heartbeat. Answers whether a
 * cancellation was asked for, so the runner stops at its next step.
 */
export async function recordProgress(
  input: { tenantId: string; id: string; progress: BacktestProgress; comparison?: Comparison; scoringEndpoint?: string },
  deps: StoreDeps = {},
): Promise<{ cancelRequested: boolean }> {
  const { db, tableName, now } = store(deps);
  const at = now().toISOString();
  const extra = input.scoringEndpoint ? ", scoringEndpoint = :endpoint" : "";
  const out = await ifConditionFails(
    () =>
      db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { PK: tenantPk(input.tenantId), SK: backtestSk(input.id) },
          UpdateExpression: `SET progress = :progress, comparison = :comparison, updatedAt = :at${extra}`,
          ConditionExpression: "#status = :running",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: {
            ":progress": input.progress,
            ":comparison": input.comparison ?? null,
            ":at": at,
            ":running": "running",
            ...(input.scoringEndpoint ? { ":endpoint": input.scoringEndpoint } : {}),
          },
          ReturnValues: "ALL_NEW",
        }),
      ),
    () => null,
  );
  // Marked failed by a takeover (its heartbeat went stale): stop as if cancelled.
  if (!out) return { cancelRequested: true };
  await db
    .send(
      new UpdateCommand({
        TableName: tableName,
        Key: { PK: tenantPk(input.tenantId), SK: BACKTEST_LOCK_SK },
        UpdateExpression: "SET heartbeatAt = :at",
        ConditionExpression: "backtestId = :id",
        ExpressionAttributeValues: { ":at": at, ":id": input.id },
      }),
    )
    .catch(() => undefined);
  return { cancelRequested: out.Attributes?.cancelRequested === true };
}

/** The run's final state (once: only a running run finishes), then the lock is released. */
export async function finishBacktest(
  input: {
    tenantId: string;
    id: string;
    status: Exclude<BacktestStatus, "running">;
    comparison?: Comparison;
    progress?: BacktestProgress;
    error?: string;
  },
  deps: StoreDeps = {},
): Promise<boolean> {
  const { db, tableName, now } = store(deps);
  const at = now().toISOString();
  const finished = await ifConditionFails(
    () =>
      db
        .send(
          new UpdateCommand({
            TableName: tableName,
            Key: { PK: tenantPk(input.tenantId), SK: backtestSk(input.id) },
            UpdateExpression: `SET #status = :status, finishedAt = :at, updatedAt = :at, #error = :error${input.comparison ? ", comparison = :comparison" : ""}${input.progress ? ", progress = :progress" : ""}`,
            ConditionExpression: "#status = :running",
            ExpressionAttributeNames: { "#status": "status", "#error": "error" },
            ExpressionAttributeValues: {
              ":status": input.status,
              ":at": at,
              ":error": input.error ?? null,
              ":running": "running",
              ...(input.comparison ? { ":comparison": input.comparison } : {}),
              ...(input.progress ? { ":progress": input.progress } : {}),
            },
          }),
        )
        .then(() => true),
    () => false,
  );
  await ifConditionFails(
    () =>
      db.send(
        new DeleteCommand({
          TableName: tableName,
          Key: { PK: tenantPk(input.tenantId), SK: BACKTEST_LOCK_SK },
          ConditionExpression: "backtestId = :id",
          ExpressionAttributeValues: { ":id": input.id },
        }),
      ),
    () => undefined,
  );
  return finished;
}

/** Asks a running backtest to stop; it stops at its next step and ends `cancelled`. */
export async function requestCancel(input: { tenantId: string; id: string }, deps: StoreDeps = {}): Promise<Backtest> {
  const { db, tableName } = store(deps);
  const out = await ifConditionFails(
    () =>
      db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { PK: tenantPk(input.tenantId), SK: backtestSk(input.id) },
          UpdateExpression: "SET cancelRequested = :yes",
          ConditionExpression: "attribute_exists(PK) AND #status = :running",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: { ":yes": true, ":running": "running" },
          ReturnValues: "ALL_NEW",
        }),
      ),
    async () => {
      const existing = await getBacktest(input, deps);
      throw new AppError("conflict", `The backtest has already ${existing.status === "cancelled" ? "been cancelled" : existing.status}`);
    },
  );
  return toBacktest(out.Attributes ?? {});
}

/** The tenant's backtest; not_found for another tenant's id (keys begin with the tenant). */
export async function getBacktest(input: { tenantId: string; id: string }, deps: StoreDeps = {}): Promise<Backtest> {
  const { db, tableName } = store(deps);
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: { PK: tenantPk(input.tenantId), SK: backtestSk(input.id) } }));
  if (!Item) throw new AppError("not_found", "Backtest not found");
  return toBacktest(Item);
}

/** The tenant's most recent backtests, newest first, without their comparisons. */
export async function listBacktests(input: { tenantId: string; limit?: number }, deps: StoreDeps = {}): Promise<Backtest[]> {
  const { db, tableName } = store(deps);
  const out = await db.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: "PK = :pk AND begins_with(SK, :prefix)",
      ExpressionAttributeValues: { ":pk": tenantPk(input.tenantId), ":prefix": BACKTEST_SK_PREFIX },
      ScanIndexForward: false,
      Limit: input.limit ?? 10,
    }),
  );
  return (out.Items ?? []).map((item) => ({ ...toBacktest(item), comparison: null }));
}
