import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import { auditedAction, type AuditDeps } from "@/lib/audit/audited-action";
import { NOTIFICATIONS_SK, tenantPk } from "@/lib/db/keys";
import { isConditionFailed } from "@/lib/db/condition";
import { store, type StoreDeps } from "@/lib/db/store";
import { AppError } from "@/lib/errors/app-error";

/**
 * A tenant's incoming webhooks for rollback messages: Slack (`{text, blocks}`) and Microsoft Teams
 * Workflows (Adaptive Cards only; the old MessageCard connectors are retired). The URLs are
 * secrets (anyone holding one can post to the channel): stored server-side in their own item,
 * answered to browsers only masked, and never written whole to the audit log.
 */
const webhookUrl = z
  .url({ protocol: /^https?$/, error: "an http(s) URL" })
  .max(2048)
  .nullable();

export const webhookSettingsSchema = z.object({ slackWebhookUrl: webhookUrl, teamsWebhookUrl: webhookUrl });
export type WebhookSettings = z.infer<typeof webhookSettingsSchema>;

/** PUT body: a channel left out keeps its URL; null removes it. */
export const saveWebhooksRequestSchema = z.object({
  slackWebhookUrl: webhookUrl.optional(),
  teamsWebhookUrl: webhookUrl.optional(),
  reason: z.string().max(500).optional(),
});

export interface MaskedWebhooks {
  slack: string | null;
  teams: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** Scheme and host, then the last four characters: enough to recognise a URL, not to use it. */
export function maskWebhookUrl(url: string | null): string | null {
  if (!url) return null;
  const { protocol, host } = new URL(url);
  return `${protocol}//${host}/…${url.slice(-4)}`;
}

const key = (tenantId: string) => ({ PK: tenantPk(tenantId), SK: NOTIFICATIONS_SK });

interface StoredWebhooks extends WebhookSettings {
  updatedAt: string | null;
  updatedBy: string | null;
}

/** Server side only (the notifier): the whole URLs. */
export async function getWebhookSettings({ tenantId }: { tenantId: string }, deps: StoreDeps = {}): Promise<StoredWebhooks> {
  const { db, tableName } = store(deps);
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: key(tenantId), ConsistentRead: true }));
  return {
    slackWebhookUrl: typeof Item?.slackWebhookUrl === "string" ? Item.slackWebhookUrl : null,
    teamsWebhookUrl: typeof Item?.teamsWebhookUrl === "string" ? Item.teamsWebhookUrl : null,
    updatedAt: typeof Item?.updatedAt === "string" ? Item.updatedAt : null,
    updatedBy: typeof Item?.updatedBy === "string" ? Item.updatedBy : null,
  };
}

export async function getMaskedWebhooks(input: { tenantId: string }, deps: StoreDeps = {}): Promise<MaskedWebhooks> {
  const stored = await getWebhookSettings(input, deps);
  return {
    slack: maskWebhookUrl(stored.slackWebhookUrl),
    teams: maskWebhookUrl(stored.teamsWebhookUrl),
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy,
  };
}

/** Saves the tenant's webhooks (admin), audited with the masked URLs before and after. */
export async function saveWebhookSettings(
  input: { tenantId: string; actor: string; change: z.infer<typeof saveWebhooksRequestSchema> },
  deps: AuditDeps = {},
): Promise<MaskedWebhooks> {
  const { db, tableName, now } = store(deps);
  const before = await getWebhookSettings(input, deps);
  const next: WebhookSettings = {
    slackWebhookUrl: input.change.slackWebhookUrl === undefined ? before.slackWebhookUrl : input.change.slackWebhookUrl,
    teamsWebhookUrl: input.change.teamsWebhookUrl === undefined ? before.teamsWebhookUrl : input.change.teamsWebhookUrl,
  };
  const masked = (s: WebhookSettings) => ({ slack: maskWebhookUrl(s.slackWebhookUrl), teams: maskWebhookUrl(s.teamsWebhookUrl) });
  const updatedAt = now().toISOString();
  return auditedAction(
    {
      tenantId: input.tenantId,
      actor: input.actor,
      action: "settings.notifications",
      target: "settings:notifications",
      reason: input.change.reason,
      requested: masked(next),
    },
    async () => {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...key(input.tenantId), ...next, updatedAt, updatedBy: input.actor },
            // Last writer wins only over what it read: a save in between answers 409.
            ConditionExpression: before.updatedAt ? "updatedAt = :read" : "attribute_not_exists(PK)",
            ExpressionAttributeValues: before.updatedAt ? { ":read": before.updatedAt } : undefined,
          }),
        );
      } catch (error) {
        if (isConditionFailed(error))
          throw new AppError("conflict", "The webhooks were changed by someone else meanwhile; reload and try again");
        throw error;
      }
      const result: MaskedWebhooks = { ...masked(next), updatedAt, updatedBy: input.actor };
      return { outcome: "applied", result, before: masked(before), after: masked(next) };
    },
    deps,
  );
}
