import type { StoreDeps } from "@/lib/db/store";
import type { RetrainingEvent } from "@/lib/drift/retraining-episode";
import { deliver, type DeliveryOptions } from "./deliver";
import { slackMessage, teamsMessage } from "./messages";
import { getWebhookSettings } from "./webhook-settings";

export type NotifyRetrainingDeps = StoreDeps & { delivery?: DeliveryOptions; log?: (line: string) => void };

export function retrainingText(event: RetrainingEvent): string {
  return `Retraining recommended for ${event.endpointName}: drift on ${event.features.join(", ")} weighs ${(event.weight * 100).toFixed(0)} % of the model's importance (threshold ${(event.threshold * 100).toFixed(0)} %).`;
}

/**
 * The "retraining recommended" message of a drift episode to the tenant's Slack and Teams webhooks
 * (the channels rollbacks use). Sending once per episode is the caller's claim
 * (lib/drift/retraining-episode.ts); this throws when a configured channel could not be reached
 * after its bounded retries, so the claim is released and the next run tries again. With no
 * webhook configured the message is logged.
 */
export async function notifyRetraining(event: RetrainingEvent, deps: NotifyRetrainingDeps = {}): Promise<void> {
  const log = deps.log ?? ((line: string) => console.info(line));
  const text = retrainingText(event);
  const fields: Array<[string, string]> = [
    ["Endpoint", event.endpointName],
    ["Drift run", event.runId],
    ["Since", event.openedAt],
  ];
  const webhooks = await getWebhookSettings({ tenantId: event.tenantId }, deps);
  const targets = [
    webhooks.slackWebhookUrl ? { url: webhooks.slackWebhookUrl, message: slackMessage(text, fields) } : null,
    webhooks.teamsWebhookUrl ? { url: webhooks.teamsWebhookUrl, message: teamsMessage(text, fields) } : null,
  ].filter((t) => t !== null);
  if (targets.length === 0) {
    log(`retraining notification (no webhook configured for ${event.tenantId}): ${text}`);
    return;
  }
  const results = await Promise.all(targets.map((t) => deliver(t.url, t.message, deps.delivery)));
  if (!results.every((r) => r.delivered)) throw new Error(`retraining notification not delivered to every channel of ${event.tenantId}`);
}
