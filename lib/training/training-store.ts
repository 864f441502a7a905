import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { ifConditionFails } from "@/lib/db/condition";
import { TRAINING_JOB_SK_PREFIX, TRAINING_LOCK_SK, tenantPk, trainingJobSk } from "@/lib/db/keys";
import { store, type StoreDeps } from "@/lib/db/store";
import { AppError } from "@/lib/errors/app-error";
import { isTerminal, type TrainingJob, type TrainingJobRequest, type TrainingParameters } from "./training-job";

/** What the record keeps beside the job: the request (prepare re-reads it) and the step's lease. */
export interface TrainingJobItem extends TrainingJob {
  request: TrainingJobRequest;
  leaseOwner?: string;
  leaseUntil?: string;
}

const jobKey = (tenantId: string, name: string) => ({ PK: tenantPk(tenantId), SK: trainingJobSk(name) });
const lockKey = (tenantId: string) => ({ PK: tenantPk(tenantId), SK: TRAINING_LOCK_SK });

export function toTrainingJob(item: Record<string, unknown>): TrainingJob {
  const { PK: _pk, SK: _sk, request: _request, leaseOwner: _owner, leaseUntil: _until, ...job } = item;
  return job as unknown as TrainingJob;
}

/**
 * Takes the tenant's training lock and records the job, in that order: of two concurrent starts
 * one wins and the other is told which job holds it. A lock whose job has ended (its release was
 * lost) is taken over.
 */
export async function createTrainingJobRecord(
  input: { name: string; request: TrainingJobRequest; parameters: TrainingParameters; actor: string },
  deps: StoreDeps = {},
): Promise<TrainingJob> {
  const { db, tableName, now } = store(deps);
  const tenantId = input.parameters.tenantId;
  const at = now().toISOString();
  const held = (await db.send(new GetCommand({ TableName: tableName, Key: lockKey(tenantId), ConsistentRead: true }))).Item;
  const heldJob = typeof held?.jobName === "string" ? await findTrainingJob({ tenantId, name: held.jobName }, deps) : null;
  const refuse = (name: unknown) => {
    throw new AppError("training_running", "A training job is already running for this tenant; wait for it or stop it", {
      details: { name: typeof name === "string" ? name : null },
    });
  };
  if (heldJob && !isTerminal(heldJob.status)) refuse(heldJob.name);
  await ifConditionFails(
    () =>
      db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...lockKey(tenantId), jobName: input.name, at },
          ConditionExpression: held ? "jobName = :held" : "attribute_not_exists(PK)",
          ...(held ? { ExpressionAttributeValues: { ":held": held.jobName as unknown } } : {}),
        }),
      ),
    async () => {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: lockKey(tenantId), ConsistentRead: true }));
      refuse(Item?.jobName);
    },
  );
  const job: TrainingJobItem = {
    name: input.name,
    tenantId,
    status: "Preparing",
    stage: "prepare",
    secondaryStatus: null,
    transitions: [],
    parameters: input.parameters,
    channels: null,
    failureReason: null,
    actor: input.actor,
    createdAt: at,
    trainingStartedAt: null,
    trainingEndedAt: null,
    endedAt: null,
    trainingSeconds: null,
    stopRequested: false,
    logTail: [],
    registered: null,
    recordVersion: 1,
    request: input.request,
  };
  await db.send(new PutCommand({ TableName: tableName, Item: { ...jobKey(tenantId, input.name), ...job } }));
  return toTrainingJob(job as unknown as Record<string, unknown>);
}

export async function getTrainingJobItem(input: { tenantId: string; name: string }, deps: StoreDeps = {}): Promise<TrainingJobItem | null> {
  const { db, tableName } = store(deps);
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: jobKey(input.tenantId, input.name), ConsistentRead: true }));
  return (Item as TrainingJobItem | undefined) ?? null;
}

async function findTrainingJob(input: { tenantId: string; name: string }, deps: StoreDeps): Promise<TrainingJob | null> {
  const item = await getTrainingJobItem(input, deps);
  return item ? toTrainingJob(item as unknown as Record<string, unknown>) : null;
}

/** The tenant's job; not_found for another tenant's name (keys begin with the tenant). */
export async function getTrainingJob(input: { tenantId: string; name: string }, deps: StoreDeps = {}): Promise<TrainingJob> {
  const job = await findTrainingJob(input, deps);
  if (!job) throw new AppError("not_found", "Training job not found");
  return job;
}

/** The tenant's most recent jobs, newest first. */
export async function listTrainingJobs(input: { tenantId: string; limit?: number }, deps: StoreDeps = {}): Promise<TrainingJob[]> {
  const { db, tableName } = store(deps);
  const out = await db.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: "PK = :pk AND begins_with(SK, :prefix)",
      ExpressionAttributeValues: { ":pk": tenantPk(input.tenantId), ":prefix": TRAINING_JOB_SK_PREFIX },
      ScanIndexForward: false,
      Limit: input.limit ?? 20,
    }),
  );
  return (out.Items ?? []).map(toTrainingJob);
}

/**
 * Claims the job's current step for `owner` until `until`: a conditional write on the stage and an
 * expired (or absent) lease, so two runners (the starting console, an advance on read, a Lambda
 * retry) never run the same step at once. Null when someone else holds it or the stage moved on.
 */
export async function claimStep(
  input: { tenantId: string; name: string; stage: string; owner: string; until: Date },
  deps: StoreDeps = {},
): Promise<TrainingJobItem | null> {
  const { db, tableName, now } = store(deps);
  return ifConditionFails(
    async () => {
      const out = await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: jobKey(input.tenantId, input.name),
          UpdateExpression: "SET leaseOwner = :owner, leaseUntil = :until",
          ConditionExpression: "stage = :stage AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)",
          ExpressionAttributeValues: {
            ":owner": input.owner,
            ":until": input.until.toISOString(),
            ":stage": input.stage,
            ":now": now().toISOString(),
          },
          ReturnValues: "ALL_NEW",
        }),
      );
      return out.Attributes as TrainingJobItem;
    },
    () => null,
  );
}

/** Writes a step's outcome and releases its lease, only while `owner` still holds it. */
export async function completeStep(
  input: { tenantId: string; name: string; owner: string; changes: Partial<TrainingJob> },
  deps: StoreDeps = {},
): Promise<TrainingJob | null> {
  const { db, tableName } = store(deps);
  const entries = Object.entries(input.changes).filter(([, v]) => v !== undefined);
  const names = Object.fromEntries(entries.map(([k], i) => [`#f${i}`, k]));
  const values = Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v]));
  const sets = entries.map((_, i) => `#f${i} = :v${i}`);
  return ifConditionFails(
    async () => {
      const out = await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: jobKey(input.tenantId, input.name),
          UpdateExpression: `SET ${[...sets, "recordVersion = recordVersion + :one"].join(", ")} REMOVE leaseOwner, leaseUntil`,
          ConditionExpression: "leaseOwner = :owner",
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ...values, ":owner": input.owner, ":one": 1 },
          ReturnValues: "ALL_NEW",
        }),
      );
      return toTrainingJob(out.Attributes ?? {});
    },
    () => null,
  );
}

/** Asks a job to stop (once, while it has not ended); the runner acts on it at its next step. */
export async function requestStop(input: { tenantId: string; name: string }, deps: StoreDeps = {}): Promise<TrainingJob> {
  const { db, tableName } = store(deps);
  return ifConditionFails(
    async () => {
      const out = await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: jobKey(input.tenantId, input.name),
          UpdateExpression: "SET stopRequested = :yes, recordVersion = recordVersion + :one",
          ConditionExpression: "attribute_exists(PK) AND NOT (#status IN (:c, :f, :s))",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: { ":yes": true, ":one": 1, ":c": "Completed", ":f": "Failed", ":s": "Stopped" },
          ReturnValues: "ALL_NEW",
        }),
      );
      return toTrainingJob(out.Attributes ?? {});
    },
    async () => {
      const job = await getTrainingJob(input, deps);
      throw new AppError("conflict", `The training job has already ${job.status === "Completed" ? "completed" : job.status.toLowerCase()}`);
    },
  );
}

/** Frees the tenant's lock once its job has ended (only the lock this job holds). */
export async function releaseLock(input: { tenantId: string; name: string }, deps: StoreDeps = {}): Promise<void> {
  const { db, tableName } = store(deps);
  await ifConditionFails(
    () =>
      db.send(
        new DeleteCommand({
          TableName: tableName,
          Key: lockKey(input.tenantId),
          ConditionExpression: "jobName = :name",
          ExpressionAttributeValues: { ":name": input.name },
        }),
      ),
    () => undefined,
  );
}
