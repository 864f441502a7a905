import type { RollbackEvent } from "@/lib/deployments/rollback-event";

/** The traffic after a rollback, in words: "Canary disabled, Prod 100%." (OPS.md, the seed's message). */
export function trafficSentence(event: Pick<RollbackEvent, "mode" | "after">): string {
  const share = (role: "production" | "canary") =>
    event.after.variants.filter((v) => v.role === role).reduce((sum, v) => sum + v.weight, 0);
  const total = share("production") + share("canary");
  const pct = (n: number) => `${Math.round((total > 0 ? n / total : 0) * 100)}%`;
  if (event.mode === "restore_config") {
    return `Endpoint config ${event.after.endpointConfigName} restored, Prod ${pct(share("production"))}${share("canary") > 0 ? `, Canary ${pct(share("canary"))}` : ""}.`;
  }
  return `Canary disabled, Prod ${pct(share("production"))}.`;
}

/** One line for Slack's `text` (also the logged line when no webhook is configured). */
export function rollbackText(event: RollbackEvent): string {
  const trigger = event.trigger === "alarm" ? `alarm ${event.alarm ?? "(unnamed)"}` : `manual, by ${event.actor}`;
  return (
    `🚨 Rollback triggered for ${event.endpoint} · Rollback ID ${event.id} · Time ${event.finishedAt ?? event.startedAt} · ` +
    `Trigger ${trigger} · Reason: ${event.reason} · ${trafficSentence(event)}`
  );
}

/** Slack incoming webhook: `text` for notifications and clients without blocks, `blocks` for the layout. */
export function slackMessage(text: string, fields: Array<[string, string]>): Record<string, unknown> {
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text } },
      ...(fields.length ? [{ type: "section", fields: fields.map(([k, v]) => ({ type: "mrkdwn", text: `*${k}*\n${v}` })) }] : []),
    ],
  };
}

/** Teams Workflows webhook: only Adaptive Cards are accepted (MicrosoftDocs/msteams-docs #14162). */
export function teamsMessage(text: string, fields: Array<[string, string]>): Record<string, unknown> {
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        content: {
          type: "AdaptiveCard",
          version: "1.4",
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          body: [
            { type: "TextBlock", text, wrap: true, weight: "Bolder" },
            ...(fields.length ? [{ type: "FactSet", facts: fields.map(([title, value]) => ({ title, value })) }] : []),
          ],
        },
      },
    ],
  };
}

export function rollbackFields(event: RollbackEvent): Array<[string, string]> {
  return [
    ["Endpoint", event.endpoint],
    ["Rollback ID", event.id],
    ["Trigger", event.trigger === "alarm" ? `alarm ${event.alarm ?? ""}`.trim() : "manual"],
    ["Actor", event.actor],
    ["Reason", event.reason],
    ["Time", event.finishedAt ?? event.startedAt],
    ["Traffic", trafficSentence(event)],
  ];
}
