import { queryOptions } from "@tanstack/react-query";
import type { TestMessageResult } from "@/lib/notifications/send-test-message";
import type { MaskedWebhooks } from "@/lib/notifications/webhook-settings";
import { apiFetch } from "./api-fetch";

/** The tenant's rollback-notification webhooks (Settings, admin): masked URLs, save, test message. */
export const notificationKeys = { webhooks: ["settings", "notifications"] as const };

export const webhooksQueryOptions = () =>
  queryOptions({ queryKey: notificationKeys.webhooks, queryFn: () => apiFetch<MaskedWebhooks>("/api/settings/notifications") });

export interface SaveWebhooksBody {
  /** Omitted: unchanged; null: removed. */
  slackWebhookUrl?: string | null;
  teamsWebhookUrl?: string | null;
  reason?: string;
}

export function putWebhooks(body: SaveWebhooksBody): Promise<MaskedWebhooks> {
  return apiFetch<MaskedWebhooks>("/api/settings/notifications", {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

export function postTestMessage(): Promise<TestMessageResult> {
  return apiFetch<TestMessageResult>("/api/settings/notifications/test", { method: "POST" });
}
