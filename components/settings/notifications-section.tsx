"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Card } from "@/components/ui/card";
import { auditKeys } from "@/lib/queries/audit";
import { notificationKeys, postTestMessage, putWebhooks, webhooksQueryOptions, type SaveWebhooksBody } from "@/lib/queries/notifications";
import { Button, Field, TextInput } from "./controls";

const CHANNELS = [
  { key: "slackWebhookUrl", shown: "slack", label: "Slack incoming webhook URL", placeholder: "https://hooks.slack.com/services/…" },
  {
    key: "teamsWebhookUrl",
    shown: "teams",
    label: "Microsoft Teams Workflows webhook URL",
    placeholder: "https://….logic.azure.com/workflows/…",
  },
] as const;

/**
 * Where rollback messages go: the tenant's Slack and Teams (Workflows) webhooks. The URLs are
 * secrets: the server answers them masked, a field left empty keeps the saved one, "Remove" clears it.
 */
export function NotificationsSection() {
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(webhooksQueryOptions());
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: SaveWebhooksBody) => putWebhooks(body),
    onSuccess: async (saved) => {
      setDrafts({});
      queryClient.setQueryData(notificationKeys.webhooks, saved);
      await queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
  const test = useMutation({ mutationFn: postTestMessage });
  const changed = Object.fromEntries(
    Object.entries(drafts)
      .filter(([, v]) => v.trim() !== "")
      .map(([k, v]) => [k, v.trim()]),
  );

  return (
    <Card
      title="Rollback notifications"
      description="One message per rollback (manual or alarm) to these channels. With none set, the message is logged (by the console, or by the rollback Lambda for an alarm)."
    >
      <form
        className="space-y-4 px-5 py-5"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(changed);
        }}
      >
        {CHANNELS.map((c) => (
          <div key={c.key} className="flex items-end gap-2">
            <div className="flex-1">
              <Field id={c.key} label={c.label} hint={data[c.shown] ? `Saved: ${data[c.shown]}` : "Not set"}>
                <TextInput
                  id={c.key}
                  type="url"
                  autoComplete="off"
                  placeholder={c.placeholder}
                  value={drafts[c.key] ?? ""}
                  onChange={(e) => setDrafts((d) => ({ ...d, [c.key]: e.target.value }))}
                />
              </Field>
            </div>
            {data[c.shown] && (
              <Button tone="ghost" disabled={save.isPending} onClick={() => save.mutate({ [c.key]: null })}>
                Remove
              </Button>
            )}
          </div>
        ))}
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" tone="primary" disabled={save.isPending || Object.keys(changed).length === 0}>
            {save.isPending ? "Saving…" : "Save webhooks"}
          </Button>
          <Button disabled={test.isPending || (!data.slack && !data.teams)} onClick={() => test.mutate()}>
            {test.isPending ? "Sending…" : "Send test message"}
          </Button>
          <p role="status" className="text-[12px] text-muted">
            {save.error && <span className="text-danger">{save.error.message}</span>}
            {test.error && <span className="text-danger">{test.error.message}</span>}
            {test.data &&
              test.data.channels
                .map(
                  (ch) =>
                    `${ch.channel}: ${ch.delivered ? "delivered" : `not delivered (${ch.attempts.at(-1)?.status ?? ch.attempts.at(-1)?.error ?? "no answer"})`}`,
                )
                .join(" · ")}
          </p>
        </div>
      </form>
    </Card>
  );
}
