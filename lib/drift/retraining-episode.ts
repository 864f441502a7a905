import { randomUUID } from "node:crypto";
import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { auditedAction, type AuditDeps } from "@/lib/audit/audited-action";
import { ifConditionFails } from "@/lib/db/condition";
import { AppError } from "@/lib/errors/app-error";
import { DRIFT_EPISODE_SK, driftRunsPk } from "@/lib/db/keys";
import { store } from "@/lib/db/store";
import type { DriftRecommendation } from "./drift-run";

/**
 * A retraining episode: from the first run whose drift weighs enough until a run that judges the
 * endpoint healthy again. One item per endpoint; every transition is a conditional write on its
 * `version`, so concurrent runs (the scheduler and a "Run now") open an episode once, audit it once
 * and notify it once.
 */
interface EpisodeItem {
  state: "open" | "closed";
  episodeId: string;
  openedAt: string;
  openedBy: string;
  runId: string;
  weight: number;
  features: string[];
  version: number;
  notifiedAt?: string;
  closedAt?: string;
}

export interface RecommendationInput {
  tenantId: string;
  endpointName: string;
  runId: string;
  actor: string;
  weight: number;
  threshold: number;
  features: string[];
}

export type NotifyRetraining = (event: RetrainingEvent) => Promise<void>;

export interface RetrainingEvent {
  tenantId: string;
  endpointName: string;
  episodeId: string;
  runId: string;
  weight: number;
  threshold: number;
  features: string[];
  openedAt: string;
}

export type EpisodeDeps = AuditDeps & { notify?: NotifyRetraining };

const episodeKey = (tenantId: string, endpointName: string) => ({ PK: driftRunsPk(tenantId, endpointName), SK: DRIFT_EPISODE_SK });

async function readEpisode(tenantId: string, endpointName: string, deps: EpisodeDeps): Promise<EpisodeItem | undefined> {
  const { db, tableName: TableName } = store(deps);
  const { Item } = await db.send(new GetCommand({ TableName, Key: episodeKey(tenantId, endpointName), ConsistentRead: true }));
  return Item as EpisodeItem | undefined;
}

/**
 * A run that recommends retraining: joins the open episode, or opens one (audited as
 * `drift.retraining_recommended`) and notifies it. Returns the recommendation the run carries.
 */
export async function recommendRetraining(input: RecommendationInput, deps: EpisodeDeps = {}): Promise<DriftRecommendation> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await readEpisode(input.tenantId, input.endpointName, deps);
    if (current?.state === "open") {
      await notifyOnce(input, current, deps);
      return recommendation(current, input, false);
    }
    const opened = await openEpisode(input, current, deps);
    if (opened) {
      await notifyOnce(input, opened, deps);
      return recommendation(opened, input, true);
    }
    // Another run changed the episode between our read and our write: read what it wrote. Each
    // turn of this loop follows a successful write by someone else.
  }
  throw new AppError("conflict", "The retraining recommendation changed under concurrent runs; run again");
}

const MAX_ATTEMPTS = 5;

function recommendation(episode: EpisodeItem, input: RecommendationInput, isNew: boolean): DriftRecommendation {
  return {
    episodeId: episode.episodeId,
    openedAt: episode.openedAt,
    isNew,
    weight: input.weight,
    threshold: input.threshold,
    features: input.features,
  };
}

async function openEpisode(input: RecommendationInput, current: EpisodeItem | undefined, deps: EpisodeDeps): Promise<EpisodeItem | null> {
  const { db, tableName: TableName, now } = store(deps);
  const episode: EpisodeItem = {
    state: "open",
    episodeId: randomUUID(),
    openedAt: now().toISOString(),
    openedBy: input.actor,
    runId: input.runId,
    weight: input.weight,
    features: input.features,
    version: (current?.version ?? 0) + 1,
  };
  return auditedAction(
    {
      tenantId: input.tenantId,
      actor: input.actor,
      action: "drift.retraining_recommended",
      target: `endpoint:${input.endpointName}`,
      reason: `drift weighs ${(input.weight * 100).toFixed(0)}% of the model's importance (threshold ${(input.threshold * 100).toFixed(0)}%): ${input.features.join(", ")}`,
      requested: { runId: input.runId, weight: input.weight, features: input.features },
    },
    async () => {
      const put = new PutCommand({
        TableName,
        Item: { ...episodeKey(input.tenantId, input.endpointName), ...episode },
        ConditionExpression: current ? "version = :v" : "attribute_not_exists(PK)",
        ExpressionAttributeValues: current ? { ":v": current.version } : undefined,
      });
      const written = await ifConditionFails(
        () => db.send(put).then(() => true),
        () => false,
      );
      return written
        ? { outcome: "applied" as const, result: episode, before: current ?? null, after: episode }
        : { outcome: "unchanged" as const, result: null };
    },
    deps,
  );
}

/**
 * At most once per episode: the claim (`notifiedAt`) is a conditional write before the message; a
 * failed send gives the claim back so the next run tries again. A crash between the two loses the
 * message rather than doubling it (the episode still shows on the Drift page and in the audit log).
 */
async function notifyOnce(input: RecommendationInput, episode: EpisodeItem, deps: EpisodeDeps): Promise<void> {
  if (!deps.notify || episode.notifiedAt) return;
  const { db, tableName: TableName, now } = store(deps);
  const Key = episodeKey(input.tenantId, input.endpointName);
  const at = now().toISOString();
  const claimed = await ifConditionFails(
    () =>
      db
        .send(
          new UpdateCommand({
            TableName,
            Key,
            UpdateExpression: "SET notifiedAt = :at",
            ConditionExpression: "episodeId = :id AND attribute_not_exists(notifiedAt)",
            ExpressionAttributeValues: { ":at": at, ":id": episode.episodeId },
          }),
        )
        .then(() => true),
    () => false,
  );
  if (!claimed) return;
  try {
    await deps.notify({
      tenantId: input.tenantId,
      endpointName: input.endpointName,
      episodeId: episode.episodeId,
      runId: episode.runId,
      weight: episode.weight,
      threshold: input.threshold,
      features: episode.features,
      openedAt: episode.openedAt,
    });
  } catch (error) {
    console.error(`drift: retraining notification for ${input.endpointName} failed; the next run retries`, error);
    await ifConditionFails(
      () =>
        db.send(
          new UpdateCommand({
            TableName,
            Key,
            UpdateExpression: "REMOVE notifiedAt",
            ConditionExpression: "episodeId = :id AND notifiedAt = :at",
            ExpressionAttributeValues: { ":at": at, ":id": episode.episodeId },
          }),
        ),
      () => undefined,
    );
  }
}

/** A run that judged the endpoint and found too little drift closes the open episode (audited). */
export async function closeRetrainingEpisode(
  input: { tenantId: string; endpointName: string; runId: string; actor: string; weight: number },
  deps: EpisodeDeps = {},
): Promise<void> {
  const current = await readEpisode(input.tenantId, input.endpointName, deps);
  if (current?.state !== "open") return;
  const { db, tableName: TableName, now } = store(deps);
  await auditedAction(
    {
      tenantId: input.tenantId,
      actor: input.actor,
      action: "drift.recommendation_cleared",
      target: `endpoint:${input.endpointName}`,
      reason: `drift weighs ${(input.weight * 100).toFixed(0)}% of the model's importance`,
      requested: { runId: input.runId, episodeId: current.episodeId },
    },
    async () => {
      const closedAt = now().toISOString();
      const written = await ifConditionFails(
        () =>
          db
            .send(
              new UpdateCommand({
                TableName,
                Key: episodeKey(input.tenantId, input.endpointName),
                UpdateExpression: "SET #state = :closed, closedAt = :at, version = :next",
                ConditionExpression: "version = :v",
                ExpressionAttributeNames: { "#state": "state" },
                ExpressionAttributeValues: { ":closed": "closed", ":at": closedAt, ":v": current.version, ":next": current.version + 1 },
              }),
            )
            .then(() => true),
        () => false,
      );
      return written
        ? { outcome: "applied" as const, result: undefined, before: { state: "open" }, after: { state: "closed", closedAt } }
        : { outcome: "unchanged" as const, result: undefined };
    },
    deps,
  );
}
