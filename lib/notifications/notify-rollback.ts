import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { isConditionFailed } from "@/lib/db/condition";
import { store, type StoreDeps } from "@/lib/db/store";
import { rollbackEventKey, type NotificationRecord, type RollbackEvent } from "@/lib/deployments/rollback-event";
import { withRetries } from "@/lib/queue/with-retries";
import { deliver, type DeliveryOptions } from "./deliver";
import { rollbackFields, rollbackText, slackMessage, teamsMessage } from "./messages";
import { getWebhookSettings } from "./webhook-settings";

export type NotifyDeps = StoreDeps & { delivery?: DeliveryOptions; log?: (line: string) => void };

/**
 * Sends the one message of a rollback to the tenant's Slack and Teams webhooks. Exactly once per
 * rollback: the send is claimed on the event item with a conditional write, so a retried call, a
 * second process or a concurrent click never sends it again. Runs after the traffic has moved and
 * nobody waits for it (the rollback's answer is given first); failures are retried a bounded number
 * of times and every attempt is recorded on the event. With no webhook configured the message is
 * logged instead, and the event says so. Never throws.
 */
export async function notifyRollback(event: RollbackEvent, deps: NotifyDeps = {}): Promise<void> {
  const log = deps.log ?? ((line: string) => console.info(line));
  try {
    const { db, tableName, now } = store(deps);
    const Key = rollbackEventKey(event.tenant, event.id);
    const claim: NotificationRecord = { state: "sending", claimedAt: now().toISOString(), channels: [] };
    try {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key,
          UpdateExpression: "SET notification = :claim",
          ConditionExpression: "attribute_exists(PK) AND attribute_not_exists(notification)",
          ExpressionAttributeValues: { ":claim": claim },
        }),
      );
    } catch (error) {
      if (isConditionFailed(error)) return; // Someone else has sent (or is sending) it.
      throw error;
    }

    const text = rollbackText(event);
    const fields = rollbackFields(event);
    const webhooks = await getWebhookSettings({ tenantId: event.tenant }, deps);
    const targets = [
      webhooks.slackWebhookUrl ? { channel: "slack" as const, url: webhooks.slackWebhookUrl, message: slackMessage(text, fields) } : null,
      webhooks.teamsWebhookUrl ? { channel: "teams" as const, url: webhooks.teamsWebhookUrl, message: teamsMessage(text, fields) } : null,
    ].filter((t) => t !== null);
    if (targets.length === 0) log(`rollback notification (no webhook configured for ${event.tenant}): ${text}`);
    const channels = await Promise.all(
      targets.map(async (t) => ({ channel: t.channel, ...(await deliver(t.url, t.message, { now, ...deps.delivery })) })),
    );
    const state: NotificationRecord["state"] = targets.length === 0 ? "logged" : channels.every((c) => c.delivered) ? "sent" : "failed";
    const final: NotificationRecord = { ...claim, state, finishedAt: now().toISOString(), channels, text };
    await withRetries(() =>
      db.send(
        new UpdateCommand({
          TableName: tableName,
          Key,
          UpdateExpression: "SET notification = :final",
          ConditionExpression: "notification.#state = :sending",
          ExpressionAttributeNames: { "#state": "state" },
          ExpressionAttributeValues: { ":final": final, ":sending": "sending" },
        }),
      ),
    );
    if (state === "failed") log(`rollback notification for ${event.id} not delivered: ${JSON.stringify(channels)}`);
  } catch (error) {
    console.error(`rollback notification for ${event.id} failed`, error);
  }
}
