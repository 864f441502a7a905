import { GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { DRIFT_RUN_LIST_PREFIX, DRIFT_RUN_SK, driftRunListSk, driftRunPk, driftRunsPk } from "@/lib/db/keys";
import { store, type StoreDeps } from "@/lib/db/store";
import type { DriftFeatureHistograms, DriftRun, DriftRunSummary } from "./drift-run";

/**
 * Drift runs in DynamoDB (keys: lib/db/keys.ts). The item by id (the run and its histograms) is
 * written first and the listing item last, so a run is only ever listed once it can be opened; a
 * crash in between leaves an unlisted item, never a listed run without its data. History is kept.
 */
export async function putDriftRun(
  input: { tenantId: string; run: DriftRun; histograms: readonly DriftFeatureHistograms[] },
  deps: StoreDeps = {},
): Promise<void> {
  const { db, tableName: TableName } = store(deps);
  const { tenantId, run } = input;
  await db.send(
    new PutCommand({
      TableName,
      Item: { PK: driftRunPk(tenantId, run.id), SK: DRIFT_RUN_SK, run, histograms: input.histograms },
    }),
  );
  await db.send(
    new PutCommand({
      TableName,
      Item: { PK: driftRunsPk(tenantId, run.endpoint), SK: driftRunListSk(run.id), summary: summarise(run) },
    }),
  );
}

export function summarise(run: DriftRun): DriftRunSummary {
  return {
    ...run,
    features: run.features.map(({ feature, psi, wasserstein, js, meanShift, unseenShare, status }) => ({
      feature,
      psi,
      wasserstein,
      js,
      meanShift,
      unseenShare,
      status,
    })),
    score: run.score.map(({ variant, modelVersion, psi, status }) => ({ variant, modelVersion, psi, status })),
  };
}

/** Newest first, through the endpoint's drift partition (a Query, never a Scan). */
export async function listDriftRuns(
  input: { tenantId: string; endpointName: string; limit: number },
  deps: StoreDeps = {},
): Promise<DriftRunSummary[]> {
  const { db, tableName: TableName } = store(deps);
  const runs: DriftRunSummary[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName,
        KeyConditionExpression: "PK = :pk AND begins_with(SK, :prefix)",
        ExpressionAttributeValues: { ":pk": driftRunsPk(input.tenantId, input.endpointName), ":prefix": DRIFT_RUN_LIST_PREFIX },
        ProjectionExpression: "summary",
        ScanIndexForward: false,
        Limit: input.limit - runs.length,
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) runs.push(item.summary as DriftRunSummary);
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey && runs.length < input.limit);
  return runs;
}

async function getRunItem(input: { tenantId: string; runId: string }, deps: StoreDeps) {
  const { db, tableName: TableName } = store(deps);
  const { Item } = await db.send(new GetCommand({ TableName, Key: { PK: driftRunPk(input.tenantId, input.runId), SK: DRIFT_RUN_SK } }));
  return Item as { run: DriftRun; histograms: DriftFeatureHistograms[] } | undefined;
}

/** A run of the tenant's, or null (another tenant's id reads nothing: the key begins with the tenant). */
export async function getDriftRun(input: { tenantId: string; runId: string }, deps: StoreDeps = {}): Promise<DriftRun | null> {
  return (await getRunItem(input, deps))?.run ?? null;
}

export async function getDriftFeatureHistograms(
  input: { tenantId: string; runId: string; feature: string },
  deps: StoreDeps = {},
): Promise<DriftFeatureHistograms | null> {
  const item = await getRunItem(input, deps);
  return item?.histograms.find((h) => h.feature === input.feature) ?? null;
}
