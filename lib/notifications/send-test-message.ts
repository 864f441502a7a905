import type { NotificationAttempt } from "@/lib/deployments/rollback-event";
import type { StoreDeps } from "@/lib/db/store";
import { AppError } from "@/lib/errors/app-error";
import { deliver, type DeliveryOptions } from "./deliver";
import { slackMessage, teamsMessage } from "./messages";
import { getWebhookSettings } from "./webhook-settings";

export interface TestMessageResult {
  channels: Array<{ channel: "slack" | "teams"; delivered: boolean; attempts: NotificationAttempt[] }>;
}

/** "Send test message" (Settings): one message to each configured webhook, so an admin sees the wiring works. */
export async function sendTestMessage(
  input: { tenantId: string; actor: string },
  deps: StoreDeps & { delivery?: DeliveryOptions } = {},
): Promise<TestMessageResult> {
  const webhooks = await getWebhookSettings(input, deps);
  const text = `✅ Test message from Fraud Console for ${input.tenantId}, sent by ${input.actor}. Rollback messages will arrive here.`;
  const targets = [
    webhooks.slackWebhookUrl ? { channel: "slack" as const, url: webhooks.slackWebhookUrl, message: slackMessage(text, []) } : null,
    webhooks.teamsWebhookUrl ? { channel: "teams" as const, url: webhooks.teamsWebhookUrl, message: teamsMessage(text, []) } : null,
  ].filter((t) => t !== null);
  if (targets.length === 0) throw new AppError("bad_request", "No webhook is configured: save a Slack or Teams webhook URL first");
  // One attempt each: the admin is watching and can press the button again.
  const channels = await Promise.all(
    targets.map(async (t) => ({ channel: t.channel, ...(await deliver(t.url, t.message, { attempts: 1, ...deps.delivery })) })),
  );
  return { channels };
}
